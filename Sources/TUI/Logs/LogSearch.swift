import ClusterModel

/// A search in a log view: the query, the numbers of the lines that match (ascending), and the match in focus.
public struct LogSearch: Hashable, Sendable {
    public let query: String
    /// Numbers of matching lines, oldest first.
    public private(set) var matches: [Int] = []
    /// The line number of the match in focus.
    public var current: Int?
    private let needle: [UInt8]

    public init(query: String) {
        self.query = query
        needle = Array(query.utf8).map(Self.folded)
    }

    /// Finds the matches among `buffer`'s lines.
    public init(query: String, in buffer: LogBuffer) {
        self.init(query: query)
        add(buffer, from: buffer.firstNumber)
    }

    /// Adds the matches among `buffer`'s lines numbered `from` on, and forgets those that fell off its front.
    public mutating func add(_ buffer: LogBuffer, from start: Int) {
        if let first = matches.first, first < buffer.firstNumber {
            matches.removeFirst(matches.partitioningIndex { $0 >= buffer.firstNumber })
        }
        if let current, current < buffer.firstNumber { self.current = matches.first }
        for number in max(start, buffer.firstNumber)..<buffer.endNumber {
            if let line = buffer[number], isMatch(line.text) { matches.append(number) }
        }
    }

    /// Whether `text` contains the query, ignoring ASCII case.
    public func isMatch(_ text: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            let first = needle[0]
            var start = 0
            while start + needle.count <= bytes.count {
                if Self.folded(bytes[start]) == first {
                    var index = 1
                    while index < needle.count, Self.folded(bytes[start + index]) == needle[index] { index += 1 }
                    if index == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// The first match after line `number`, if any.
    public func match(after number: Int) -> Int? {
        let index = matches.partitioningIndex { $0 > number }
        return index < matches.count ? matches[index] : nil
    }

    /// The last match before line `number`, if any.
    public func match(before number: Int) -> Int? {
        let index = matches.partitioningIndex { $0 >= number }
        return index > 0 ? matches[index - 1] : nil
    }

    /// The 1-based position of the match in focus among all matches.
    public var currentPosition: Int? {
        guard let current else { return nil }
        let index = matches.partitioningIndex { $0 >= current }
        return index < matches.count && matches[index] == current ? index + 1 : nil
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
