/// Splits a byte stream into newline-terminated lines; chunk boundaries need not align with lines.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// Appends `bytes` and returns every line completed by them (without the newline, blank lines dropped).
    mutating func append<Bytes: Collection>(_ bytes: Bytes) -> [[UInt8]] where Bytes.Element == UInt8 {
        var lines: [[UInt8]] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if pending.contains(where: { !Self.isSpace($0) }) { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return lines
    }

    /// Bytes of an unfinished line (ignoring whitespace); non-zero at stream end means the stream was cut.
    var pendingByteCount: Int { pending.contains(where: { !Self.isSpace($0) }) ? pending.count : 0 }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}
