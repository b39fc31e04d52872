/// A type that writes its own JSON, with the same meaning as its `Encodable` form: the objects the store writes most
/// (pods, events, replica sets, deployments) and what they hold. Going through `Encodable` costs a container box, a
/// witness call and a type check per field; written by hand a pod takes a few microseconds.
/// `JSONWritableTests` checks that each conformance writes every stored property, so a field added to one of these types
/// cannot be left out silently: add it to `write(to:)` in the same order as the declaration.
protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter)
}

/// Compact JSON written into bytes: objects are opened and closed explicitly, fields are skipped when nil, as
/// `encodeIfPresent` skips them.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    /// The bytes written, in an array no larger than they are (the writer reserves room to grow; a stored object keeps
    /// its encoding for as long as it lives).
    var compactBytes: [UInt8] { bytes.capacity > bytes.count + 256 ? Array(bytes) : bytes }
    /// Whether the next member or element needs a comma before it.
    private var needsComma = false
    /// The first error from a value written through `Encodable` (only non-finite numbers fail).
    private(set) var failure: (any Error)?
    /// The names of the outermost object's fields, in the order offered, written or not (for `JSONWritableTests`);
    /// nil when not asked for.
    private(set) var offeredFields: [String]?
    /// How many objects and arrays are open.
    private var depth = 0

    init(recordingFields: Bool = false) {
        bytes.reserveCapacity(4096)
        if recordingFields { offeredFields = [] }
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        depth += 1
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
        depth -= 1
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        depth += 1
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
        depth -= 1
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
    }

    /// `"name":`, after a comma when the object has members already. Names are Swift identifiers: nothing to escape.
    private mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Records that `name` is a field of the object being written, and whether to write it.
    private mutating func offer(_ name: StaticString, present: Bool) -> Bool {
        if offeredFields != nil, depth == 1 { offeredFields?.append(name.description) }
        if present { key(name) }
        return present
    }

    // MARK: Values

    mutating func string(_ value: String) {
        separate()
        JSONSink.appendString(value, to: &bytes)
        needsComma = true
    }

    mutating func integer(_ value: Int64) {
        separate()
        JSONSink.appendInteger(value, to: &bytes)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes += value ? Array("true".utf8) : Array("false".utf8)
        needsComma = true
    }

    mutating func timestamp(_ value: Timestamp) {
        separate()
        JSONSink.appendTimestamp(value, to: &bytes)
        needsComma = true
    }

    /// A string map, keys in order.
    mutating func map(_ value: [String: String]) {
        separate()
        JSONSink.appendMap(value, to: &bytes)
        needsComma = true
    }

    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func array<T: JSONWritable>(_ values: [T]) {
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }

    /// A value written through its `Encodable` form (IntOrString, JSONValue, anything rare).
    mutating func encoded<T: Encodable>(_ value: T) {
        separate()
        do {
            bytes += try JSONBytesEncoder().encodeStreaming(value)
        } catch {
            failure = failure ?? error
            bytes += Array("null".utf8)
        }
        needsComma = true
    }

    // MARK: Fields (skipped when nil)

    mutating func field(_ name: StaticString, _ value: String?) {
        if offer(name, present: value != nil), let value { string(value) }
    }

    mutating func field(_ name: StaticString, _ value: Int64?) {
        if offer(name, present: value != nil), let value { integer(value) }
    }

    mutating func field(_ name: StaticString, _ value: Int32?) {
        if offer(name, present: value != nil), let value { integer(Int64(value)) }
    }

    mutating func field(_ name: StaticString, _ value: Bool?) {
        if offer(name, present: value != nil), let value { bool(value) }
    }

    mutating func field(_ name: StaticString, _ value: Timestamp?) {
        if offer(name, present: value != nil), let value { timestamp(value) }
    }

    mutating func field(_ name: StaticString, _ value: [String: String]?) {
        if offer(name, present: value != nil), let value { map(value) }
    }

    mutating func field(_ name: StaticString, _ value: [String]?) {
        if offer(name, present: value != nil), let value { strings(value) }
    }

    mutating func field<T: JSONWritable>(_ name: StaticString, _ value: T?) {
        if offer(name, present: value != nil), let value { value.write(to: &self) }
    }

    mutating func field<T: JSONWritable>(_ name: StaticString, _ values: [T]?) {
        if offer(name, present: values != nil), let values { array(values) }
    }

    mutating func field<T: Encodable>(encoding name: StaticString, _ value: T?) {
        if offer(name, present: value != nil), let value { encoded(value) }
    }
}
