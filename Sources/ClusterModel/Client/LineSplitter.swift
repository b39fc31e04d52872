import Foundation

/// Splits a byte stream into newline-terminated lines; chunk boundaries need not align with lines.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// Appends `bytes` and returns every line completed by them (without the newline, blank lines dropped).
    mutating func append<Bytes: Collection>(_ bytes: Bytes) -> [[UInt8]] where Bytes.Element == UInt8 {
        if let lines = bytes.withContiguousStorageIfAvailable({ appendContiguous($0) }) { return lines }
        return Array(bytes).withUnsafeBufferPointer { appendContiguous($0) }
    }

    private mutating func appendContiguous(_ buffer: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        guard let base = buffer.baseAddress else { return [] }
        var lines: [[UInt8]] = []
        var start = 0
        while start < buffer.count,
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
        {
            let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let head = UnsafeBufferPointer(rebasing: buffer[start..<newline])
            if pending.isEmpty {
                if !Self.isBlank(head) { lines.append(Array(head)) }
            } else {
                pending.append(contentsOf: head)
                if !Self.isBlank(pending) { lines.append(pending) }
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        return lines
    }

    /// The unfinished line, leaving none (a body that ends without a newline ends with it).
    mutating func takePending() -> [UInt8] {
        defer { pending.removeAll() }
        return pending
    }

    /// Bytes of an unfinished line (ignoring whitespace); non-zero at stream end means the stream was cut.
    var pendingByteCount: Int { Self.isBlank(pending) ? 0 : pending.count }

    private static func isBlank<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }
    }
}
