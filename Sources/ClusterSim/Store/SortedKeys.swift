/// A table's keys in order, kept in chunks of at most `chunkCapacity`: inserting or removing one key of 150,000 moves
/// at most a chunk's worth of keys rather than all of them (a pod created or deleted cost a 2.4 MB move in one array).
/// Positions, for pagination and sampling, are found through the position where each chunk starts.
struct SortedKeys: RandomAccessCollection, Sendable {
    typealias Indices = Range<Int>

    static let chunkCapacity = 1024

    private var chunks: [[String]] = []
    /// The position of each chunk's first key.
    private var starts: [Int] = []
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> String {
        let chunk = chunk(containing: position)
        return chunks[chunk][position - starts[chunk]]
    }

    func makeIterator() -> Iterator { Iterator(chunks: chunks) }

    /// Walks the chunks in order without looking positions up.
    struct Iterator: IteratorProtocol {
        let chunks: [[String]]
        var chunk = 0
        var offset = 0

        init(chunks: [[String]]) { self.chunks = chunks }

        mutating func next() -> String? {
            while chunk < chunks.count {
                if offset < chunks[chunk].count {
                    defer { offset += 1 }
                    return chunks[chunk][offset]
                }
                chunk += 1
                offset = 0
            }
            return nil
        }
    }

    /// The position of the first key not less than `key`.
    func insertionIndex(of key: String) -> Int {
        let chunk = firstChunk(endingAtOrAfter: key)
        guard chunk < chunks.count else { return count }
        return starts[chunk] + Self.insertionIndex(of: key, in: chunks[chunk])
    }

    /// Adds `key` if it is not there yet.
    mutating func insert(_ key: String) {
        guard !chunks.isEmpty else {
            chunks = [[key]]
            starts = [0]
            count = 1
            return
        }
        let chunk = Swift.min(firstChunk(endingAtOrAfter: key), chunks.count - 1)
        let offset = Self.insertionIndex(of: key, in: chunks[chunk])
        if offset < chunks[chunk].count, chunks[chunk][offset] == key { return }
        chunks[chunk].insert(key, at: offset)
        count += 1
        if chunks[chunk].count > Self.chunkCapacity {
            let upper = Array(chunks[chunk][(Self.chunkCapacity / 2)...])
            chunks[chunk].removeSubrange((Self.chunkCapacity / 2)...)
            chunks.insert(upper, at: chunk + 1)
            starts.insert(0, at: chunk + 1)
        }
        recountStarts(from: chunk + 1)
    }

    /// Removes `key` if it is there.
    mutating func remove(_ key: String) {
        let chunk = firstChunk(endingAtOrAfter: key)
        guard chunk < chunks.count else { return }
        let offset = Self.insertionIndex(of: key, in: chunks[chunk])
        guard offset < chunks[chunk].count, chunks[chunk][offset] == key else { return }
        chunks[chunk].remove(at: offset)
        count -= 1
        if chunks[chunk].isEmpty {
            chunks.remove(at: chunk)
            starts.remove(at: chunk)
            recountStarts(from: chunk)
        } else {
            recountStarts(from: chunk + 1)
        }
    }

    private mutating func recountStarts(from chunk: Int) {
        var position = chunk > 0 ? starts[chunk - 1] + chunks[chunk - 1].count : 0
        for index in chunk..<chunks.count {
            starts[index] = position
            position += chunks[index].count
        }
    }

    /// The first chunk whose last key is not less than `key` (`chunks.count` when every key is less).
    private func firstChunk(endingAtOrAfter key: String) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let mid = (low + high) / 2
            if chunks[mid][chunks[mid].count - 1] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The chunk holding `position`.
    private func chunk(containing position: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private static func insertionIndex(of key: String, in keys: [String]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
