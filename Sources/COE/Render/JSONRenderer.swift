import Foundation

/// The COE as JSON, the same content for other tools: keys sorted, dates in RFC 3339 (UTC).
public enum JSONRenderer {
    public static func render(_ document: COEDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
