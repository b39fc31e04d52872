import Foundation

/// One event of a watch stream.
public enum WatchEvent<T: KubeObject>: Decodable, Sendable {
    case added(T)
    case modified(T)
    case deleted(T)
    /// Only advances the resourceVersion.
    case bookmark(resourceVersion: String, isInitialEventsEnd: Bool)
    /// The server ended the watch with a Status (410 Expired in practice).
    case error(KubeAPIError)

    private enum CodingKeys: String, CodingKey { case type, object }

    private struct Bookmark: Decodable {
        var metadata: Meta
        struct Meta: Decodable {
            var resourceVersion: String?
            var annotations: [String: String]?
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "ADDED": self = .added(try c.decode(T.self, forKey: .object))
        case "MODIFIED": self = .modified(try c.decode(T.self, forKey: .object))
        case "DELETED": self = .deleted(try c.decode(T.self, forKey: .object))
        case "BOOKMARK":
            let mark = try c.decode(Bookmark.self, forKey: .object)
            self = .bookmark(
                resourceVersion: mark.metadata.resourceVersion ?? "",
                isInitialEventsEnd: mark.metadata.annotations?["k8s.io/initial-events-end"] == "true")
        case "ERROR":
            let status = try c.decode(KubeStatus.self, forKey: .object)
            self = .error(KubeAPIError(status: status, httpStatus: status.code ?? 500, retryAfterHeader: nil))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown watch event type '\(type)'")
        }
    }

    /// The resourceVersion this event moves the watch to, if any.
    public var resourceVersion: String? {
        switch self {
        case .added(let o), .modified(let o), .deleted(let o): return o.resourceVersion
        case .bookmark(let rv, _): return rv
        case .error: return nil
        }
    }
}
