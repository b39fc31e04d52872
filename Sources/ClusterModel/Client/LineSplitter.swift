/// Splits a byte stream into newline-terminated lines; chunk boundaries need not align with lines.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// Appends `bytes` and returns every line completed by them (without the newline, blank lines dropped).
    mutating func append<Bytes: Collection>(_ bytes: Bytes) -> [[UInt8]] where Bytes.Element == UInt8 {
        var lines: [[UInt8]] = []
        var rest = bytes[...]
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            let head = rest[rest.startIndex..<newline]
            if pending.isEmpty {
                if !Self.isBlank(head) { lines.append(Array(head)) }
            } else {
                pending.append(contentsOf: head)
                if !Self.isBlank(pending) { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            }
            rest = rest[rest.index(after: newline)...]
        }
        pending.append(contentsOf: rest)
        return lines
    }

    /// Bytes of an unfinished line (ignoring whitespace); non-zero at stream end means the stream was cut.
    var pendingByteCount: Int { Self.isBlank(pending) ? 0 : pending.count }

    private static func isBlank<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }
    }
}
