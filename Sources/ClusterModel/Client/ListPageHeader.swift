import Foundation

/// The list metadata (`resourceVersion`, `continue`) read from the start of a page without decoding the items,
/// so the next page can be requested while this one decodes.
struct ListPageHeader: Equatable {
    var resourceVersion: String
    var continueToken: String?

    private struct Meta: Decodable {
        var resourceVersion: String?
        var `continue`: String?
    }

    /// Finds the top-level `"metadata":{...}` (a flat object in list responses) within the first 64 KiB.
    static func parse(_ data: Data) -> ListPageHeader? {
        let marker = Array("\"metadata\":".utf8)
        return data.withUnsafeBytes { raw -> ListPageHeader? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let limit = min(bytes.count, 65_536)
            guard let start = find(marker, in: bytes, limit: limit) else { return nil }
            var index = start + marker.count
            while index < limit, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < limit, bytes[index] == UInt8(ascii: "{") else { return nil }
            var inString = false
            var escaped = false
            var depth = 0
            var end = index
            while end < limit {
                let byte = bytes[end]
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            guard end < limit else { return nil }
            let slice = Data(UnsafeBufferPointer(rebasing: bytes[index...end]))
            guard let meta = try? JSONDecoder().decode(Meta.self, from: slice) else { return nil }
            return ListPageHeader(resourceVersion: meta.resourceVersion ?? "",
                                  continueToken: meta.continue.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        guard limit >= needle.count else { return nil }
        outer: for i in 0...(limit - needle.count) {
            for j in 0..<needle.count where haystack[i + j] != needle[j] { continue outer }
            return i
        }
        return nil
    }
}
