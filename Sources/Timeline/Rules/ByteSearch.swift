/// Case-insensitive search for any of a set of ASCII fragments, in one pass over a string's UTF-8 bytes: the cheap
/// check that lets redaction skip text holding no secret.
struct ByteSearch: Sendable {
    /// Fragments (lowercase) grouped by their first byte.
    private let byFirstByte: [[[UInt8]]]

    init(_ fragments: [String]) {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for fragment in fragments {
            let bytes = Array(fragment.lowercased().utf8)
            guard let first = bytes.first else { continue }
            table[Int(first)].append(bytes)
        }
        byFirstByte = table
    }

    /// Whether `text`, lowercased in ASCII, contains any fragment.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let candidates = byFirstByte[Int(Self.lower(bytes[index]))]
                if !candidates.isEmpty {
                    for fragment in candidates where index + fragment.count <= count {
                        var offset = 1
                        while offset < fragment.count, Self.lower(bytes[index + offset]) == fragment[offset] {
                            offset += 1
                        }
                        if offset == fragment.count { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
