extension TablePane {
    /// `indices` ordered by `keys` (parallel to `indices`), ties kept in index order.
    ///
    /// Number keys (the common case: restarts, ages, ratios) sort as plain doubles, which is
    /// several times faster than comparing `SortKey` values.
    static func sorted(_ indices: [Int], keys: [SortKey], isAscending: Bool) -> [Int] {
        var numbers: [(value: Double, index: Int)] = []
        numbers.reserveCapacity(indices.count)
        for (position, key) in keys.enumerated() {
            switch key {
            case .number(let value): numbers.append((value, indices[position]))
            case .missing: numbers.append((.infinity, indices[position]))
            case .text: numbers.removeAll()
            }
            if case .text = key { break }
        }
        if numbers.count == indices.count {
            if isAscending {
                numbers.sort { $0.value != $1.value ? $0.value < $1.value : $0.index < $1.index }
            } else {
                numbers.sort { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
            }
            return numbers.map(\.index)
        }
        var keyed = zip(indices, keys).map { (index: $0, key: $1) }
        keyed.sort { left, right in
            if left.key == right.key { return left.index < right.index }
            return isAscending ? left.key < right.key : right.key < left.key
        }
        return keyed.map(\.index)
    }
}

extension String {
    /// Whether the UTF-8 bytes `needle` occur in this string (byte search; both sides already lowercased).
    func containsUTF8(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var copy = self
        return copy.withUTF8 { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard haystack.count >= pattern.count, let first = pattern.first else { return false }
                let last = haystack.count - pattern.count
                var start = 0
                while start <= last {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < pattern.count, haystack[start + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
