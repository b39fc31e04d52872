import Foundation

/// Finds the two things that make `JSONScanner` and Codable read the same valid JSON differently by design: a key
/// repeated within one object (the scanner keeps the last value, Foundation's decoder another) and a key written with
/// escapes (the scanner compares raw bytes, so `"n\u0061me"` is not `name` to it). The API server writes neither.
enum JSONKeyAudit {
    /// Whether every key of every object in `json` (which must be valid JSON) is unescaped and unique in its object.
    static func keysArePlainAndUnique(_ json: Data) -> Bool {
        json.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var frames: [Frame] = []
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "{"): frames.append(Frame(isObject: true))
                case UInt8(ascii: "["): frames.append(Frame(isObject: false))
                case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = frames.popLast()
                case UInt8(ascii: ","):
                    if frames.last?.isObject == true { frames[frames.count - 1].expectsKey = true }
                case UInt8(ascii: ":"):
                    if !frames.isEmpty { frames[frames.count - 1].expectsKey = false }
                case UInt8(ascii: "\""):
                    let start = i + 1
                    var escaped = false
                    i += 1
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                        if bytes[i] == UInt8(ascii: "\\") {
                            escaped = true
                            i += 1
                        }
                        i += 1
                    }
                    guard let last = frames.indices.last, frames[last].expectsKey else { break }
                    let key = Array(UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]))
                    guard !escaped, frames[last].keys.insert(key).inserted else { return false }
                default:
                    break
                }
                i += 1
            }
            return true
        }
    }

    private struct Frame {
        var isObject: Bool
        var expectsKey: Bool
        var keys: Set<[UInt8]> = []

        init(isObject: Bool) {
            self.isObject = isObject
            self.expectsKey = isObject
        }
    }
}
