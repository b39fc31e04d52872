import Foundation

/// A forward-only reader over JSON bytes that decodes only what it is asked for and skips everything else.
/// It backs the fast path for large lists; the Codable conformances remain the reference and report
/// precise field paths when this reader rejects the input.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.index = 0
    }

    /// A key of the object being read, as raw bytes (keys with escapes never match).
    struct Key {
        fileprivate let base: UnsafeBufferPointer<UInt8>
        fileprivate let start: Int
        fileprivate let count: Int

        func `is`(_ name: StaticString) -> Bool {
            guard name.utf8CodeUnitCount == count else { return false }
            guard let address = base.baseAddress else { return count == 0 }
            return memcmp(address + start, name.utf8Start, count) == 0
        }
    }

    func error(_ problem: String) -> JSONScanError { JSONScanError(offset: index, problem: problem) }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func peek() throws(JSONScanError) -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of data") }
        return bytes[index]
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws(JSONScanError) {
        guard try peek() == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Consumes `null` if it is next.
    @inline(__always)
    mutating func consumeNull() throws(JSONScanError) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
            bytes[index + 3] == UInt8(ascii: "l")
        else { throw error("invalid literal") }
        index += 4
        return true
    }

    /// Calls `body` for each key of an object; `body` must consume the value. `null` counts as an empty object.
    mutating func object(_ body: (inout JSONScanner, Key) throws(JSONScanError) -> Void) throws(JSONScanError) {
        try objectKeys { s, key throws(JSONScanError) in
            try body(&s, key)
            return true
        }
    }

    /// Like `object`, but stops reading (leaving the rest unread) as soon as `body` returns false.
    mutating func objectKeys(_ body: (inout JSONScanner, Key) throws(JSONScanError) -> Bool) throws(JSONScanError) {
        if try consumeNull() { return }
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw error("expected a key") }
            index += 1
            let start = index
            try skipStringBody()
            let key = Key(base: bytes, start: start, count: index - 1 - start)
            try expect(UInt8(ascii: ":"))
            guard try body(&self, key) else { return }
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw error("expected ',' or '}'")
            }
        }
    }

    /// Calls `body` for each element of an array; `null` counts as empty.
    mutating func array(_ body: (inout JSONScanner) throws(JSONScanError) -> Void) throws(JSONScanError) {
        if try consumeNull() { return }
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try body(&self)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw error("expected ',' or ']'")
            }
        }
    }

    /// A string value, or nil for `null`.
    mutating func string() throws(JSONScanError) -> String? {
        try parsedString { String(decoding: $0, as: UTF8.self) }
    }

    /// A string value handed to `parse` as UTF-8 bytes without making a `String` (nil for `null`).
    mutating func parsedString<T>(_ parse: (UnsafeBufferPointer<UInt8>) -> T?) throws(JSONScanError) -> T? {
        guard let raw = try rawString() else { return nil }
        return try self.parse(raw, parse)
    }

    /// Where a string value lies in the input, to be turned into a value later (or never).
    struct RawString {
        fileprivate let start: Int
        fileprivate let end: Int
        fileprivate let escaped: Bool
    }

    /// Consumes a string value and returns where it lies, or nil for `null`.
    mutating func rawString() throws(JSONScanError) -> RawString? {
        if try consumeNull() { return nil }
        guard try peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let start = index + 1
        let (end, escaped) = try closingQuote(from: start)
        index = end + 1
        return RawString(start: start, end: end, escaped: escaped)
    }

    /// The text of a string consumed earlier.
    func string(_ raw: RawString) throws(JSONScanError) -> String {
        try parse(raw) { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Hands the unescaped UTF-8 bytes of a string consumed earlier to `parse`.
    func parse<T>(_ raw: RawString, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) throws(JSONScanError) -> T? {
        let slice = UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end])
        guard raw.escaped else { return parse(slice) }
        var text = try unescape(slice)
        return text.withUTF8(parse)
    }

    /// A quantity string (`100m`, `170Mi`) as thousandths; nil for `null` or text that is not a quantity.
    mutating func quantity() throws(JSONScanError) -> Int64? {
        try parsedString(Quantity.parse(bytes:))
    }

    /// An RFC 3339 timestamp; nil for `null` or text that is not one.
    mutating func time() throws(JSONScanError) -> Date? {
        try parsedString(KubeTime.parse(bytes:))
    }

    /// An integer value, or nil for `null`.
    mutating func int() throws(JSONScanError) -> Int? {
        if try consumeNull() { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[index] - 0x30))
            guard !o1, !o2 else { throw error("integer out of range") }
            value = a
            index += 1
        }
        guard index > start else { throw error("expected a number") }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw error("expected an integer")
        }
        return negative ? -value : value
    }

    /// A boolean value, or nil for `null`.
    mutating func bool() throws(JSONScanError) -> Bool? {
        if try consumeNull() { return nil }
        if bytes[index] == UInt8(ascii: "t"), index + 4 <= bytes.count {
            index += 4
            return true
        }
        if bytes[index] == UInt8(ascii: "f"), index + 5 <= bytes.count {
            index += 5
            return false
        }
        throw error("expected a boolean")
    }

    /// A flat object of string values (labels, annotations).
    mutating func stringMap() throws(JSONScanError) -> [String: String] {
        var map: [String: String] = [:]
        try object { s, key throws(JSONScanError) in
            let name = String(
                decoding: UnsafeBufferPointer(rebasing: key.base[key.start..<(key.start + key.count)]), as: UTF8.self)
            map[name] = try s.string()
        }
        return map
    }

    /// Skips any value.
    mutating func skipValue() throws(JSONScanError) {
        switch try peek() {
        case UInt8(ascii: "\""):
            index += 1
            try skipStringBody()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer()
        default:
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                    guard index > start else { throw error("expected a value") }
                    return
                default: index += 1
                }
            }
            guard index > start else { throw error("unexpected end of data") }
        }
    }

    /// Verifies only whitespace remains.
    mutating func finish() throws(JSONScanError) {
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected data after the value") }
    }

    /// Moves past the closing quote of a string whose opening quote has been consumed.
    private mutating func skipStringBody() throws(JSONScanError) {
        index = try closingQuote(from: index).end + 1
    }

    /// The index of the quote that ends the string starting at `start`. Eight bytes are tested at a time for a
    /// quote or a backslash (SWAR: no byte of `v ^ pattern` is zero unless that byte matches); a backslash skips
    /// the byte after it.
    @inline(__always)
    private func closingQuote(from start: Int) throws(JSONScanError) -> (end: Int, escaped: Bool) {
        guard let base = bytes.baseAddress else { throw error("unterminated string") }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = ones &* UInt64(UInt8(ascii: "\""))
        let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
        var i = start
        var escaped = false
        while i < bytes.count {
            if i + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let q = word ^ quotes
                let b = word ^ backslashes
                let found = ((q &- ones) & ~q | (b &- ones) & ~b) & (ones << 7)
                if found == 0 {
                    i += 8
                    continue
                }
                i += found.trailingZeroBitCount >> 3
            }
            switch bytes[i] {
            case UInt8(ascii: "\""): return (i, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                i += 2
            default: i += 1
            }
        }
        throw JSONScanError(offset: bytes.count, problem: "unterminated string")
    }

    private mutating func skipContainer() throws(JSONScanError) {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                try skipStringBody()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    index += 1
                    return
                }
            default:
                break
            }
            index += 1
        }
        throw error("unexpected end of data")
    }

    private func unescape(_ slice: UnsafeBufferPointer<UInt8>) throws(JSONScanError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        var pendingHigh: UInt32?
        while i < slice.count {
            let byte = slice[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < slice.count else {
                out.append(byte)
                i += 1
                continue
            }
            let next = slice[i + 1]
            i += 2
            switch next {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard i + 4 <= slice.count,
                    let code = UInt32(
                        String(decoding: UnsafeBufferPointer(rebasing: slice[i..<(i + 4)]), as: UTF8.self), radix: 16)
                else { throw error("invalid \\u escape") }
                i += 4
                var scalarValue = code
                if (0xD800...0xDBFF).contains(code) {
                    pendingHigh = code
                    continue
                }
                if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHigh = nil
                out.append(contentsOf: String(Unicode.Scalar(scalarValue).map(Character.init) ?? "\u{FFFD}").utf8)
            default: out.append(next)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where and why the fast reader stopped.
struct JSONScanError: Error {
    var offset: Int
    var problem: String
}

/// A projection with a hand-written fast decoder over `JSONScanner`.
protocol ScannableObject: KubeObject {
    init(scanning scanner: inout JSONScanner, resource: ResourceKind) throws(JSONScanError)
}
