import Foundation

/// Encodes values straight into compact JSON bytes, with no intermediate tree: the store encodes every object it
/// writes, and Foundation's `JSONEncoder` (100–200 µs a pod) bounded the simulator's write rate. `JSONWritable` types
/// (pods and the other objects written most) write themselves; anything else streams through its `Encodable` form.
///
/// The output means what `JSONEncoder` with `.withoutEscapingSlashes` writes; byte for byte it differs only in that
/// `[String: String]` maps (labels, annotations, quantities) come out sorted by key, as the Go API server writes them.
/// Containers are written as they are opened and closed when their parent writes again or the value ends, so the
/// encoding streams in the order `encode(to:)` calls arrive.
struct JSONBytesEncoder {
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter()
            writable.write(to: &writer)
            if let failure = writer.failure { throw failure }
            return writer.compactBytes
        }
        return try encodeStreaming(value)
    }

    /// The `Encodable` path alone.
    func encodeStreaming<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink()
        try sink.encodeValue(value, depth: 0)
        sink.close(downTo: 0)
        guard !sink.needsFoundation else { return Array(try Self.foundation.encode(value)) }
        return sink.bytes.capacity > sink.bytes.count + 256 ? Array(sink.bytes) : sink.bytes
    }

    private static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}

/// The output buffer and the stack of open containers shared by every encoder and container of one encoding.
final class JSONSink {
    var bytes: [UInt8] = []
    /// Open containers, outermost first: whether each is an object, and how many members it has so far.
    private var open: [(isObject: Bool, members: Int)] = []
    /// Set when a value asked for something a stream cannot promise (a super encoder).
    var needsFoundation = false

    init() { bytes.reserveCapacity(4096) }

    var depth: Int { open.count }

    func members(at depth: Int) -> Int { open[depth - 1].members }

    /// Closes every container deeper than `depth`.
    func close(downTo depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Opens an object or array at `depth` (closing anything deeper first) and returns its depth.
    func openContainer(isObject: Bool, at depth: Int) -> Int {
        close(downTo: depth)
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((isObject, 0))
        return open.count
    }

    /// Starts the next member of the container at `depth`: closes deeper containers and writes the separator.
    func startMember(of depth: Int) {
        close(downTo: depth)
        if open[depth - 1].members > 0 { bytes.append(UInt8(ascii: ",")) }
        open[depth - 1].members += 1
    }

    func writeKey(_ key: String) {
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes one value at the current position; containers it opens sit at `depth + 1`.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        // Types compared by identity, not cast: a failed dynamic cast per value would cost more than the encoding.
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): writeString(unsafeBitCast(value, to: String.self))
        case ObjectIdentifier([String: String].self): writeMap(unsafeBitCast(value, to: [String: String].self))
        case ObjectIdentifier(Timestamp.self): writeTimestamp(unsafeBitCast(value, to: Timestamp.self))
        case ObjectIdentifier(Int64.self): writeInteger(unsafeBitCast(value, to: Int64.self))
        case ObjectIdentifier(Int32.self): writeInteger(Int64(unsafeBitCast(value, to: Int32.self)))
        case ObjectIdentifier(Int.self): writeInteger(Int64(unsafeBitCast(value, to: Int.self)))
        case ObjectIdentifier(Bool.self): writeBool(unsafeBitCast(value, to: Bool.self))
        default:
            let before = bytes.count
            try value.encode(to: JSONBytesEncoding(sink: self, depth: depth))
            close(downTo: depth)
            if bytes.count == before { bytes += [UInt8(ascii: "{"), UInt8(ascii: "}")] }
        }
    }

    func writeBool(_ value: Bool) { bytes += value ? Array("true".utf8) : Array("false".utf8) }

    func writeNull() { bytes += Array("null".utf8) }

    func writeInteger(_ value: Int64) { Self.appendInteger(value, to: &bytes) }

    func writeUnsigned(_ value: UInt64) { Self.appendUnsigned(value, to: &bytes) }

    func writeDouble(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "\(value) is not valid JSON"))
        }
        if value == value.rounded(), value.magnitude < 1e15 {
            writeInteger(Int64(value))
        } else {
            bytes += Array("\(value)".utf8)
        }
    }

    func writeTimestamp(_ time: Timestamp) { Self.appendTimestamp(time, to: &bytes) }

    func writeMap(_ map: [String: String]) { Self.appendMap(map, to: &bytes) }

    func writeString(_ text: String) { Self.appendString(text, to: &bytes) }

    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendUnsigned(value.magnitude, to: &bytes)
        } else {
            appendUnsigned(UInt64(value), to: &bytes)
        }
    }

    static func appendUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        var count = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            count += 1
        }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var index = bytes.count
        var rest = value
        repeat {
            index -= 1
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// `"2026-11-21T10:09:08Z"` from the seconds, as `Timestamp.rfc3339` spells it.
    static func appendTimestamp(_ time: Timestamp, to bytes: inout [UInt8]) {
        let seconds = time.seconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        guard (1000...9999).contains(year) else {
            appendString(time.rfc3339, to: &bytes)
            return
        }
        func two(_ value: Int64) {
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        bytes.append(UInt8(ascii: "\""))
        appendUnsigned(UInt64(year), to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        two(month)
        bytes.append(UInt8(ascii: "-"))
        two(day)
        bytes.append(UInt8(ascii: "T"))
        two(secondOfDay / 3600)
        bytes.append(UInt8(ascii: ":"))
        two(secondOfDay % 3600 / 60)
        bytes.append(UInt8(ascii: ":"))
        two(secondOfDay % 60)
        bytes += [UInt8(ascii: "Z"), UInt8(ascii: "\"")]
    }

    /// A string map with its keys in order.
    static func appendMap(_ map: [String: String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, entry) in map.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(entry.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendString(entry.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, everything else (slashes too) as UTF-8.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(0x5C)
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes += [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                        hex[Int(byte & 0xF)],
                    ]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
