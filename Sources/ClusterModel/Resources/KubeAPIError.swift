import Foundation

/// A failure reported by the API server: an HTTP error with a `Status` body, a watch `ERROR` event,
/// or a synthetic one when the body was not a Status (e.g. APF's plain-text 429).
public struct KubeAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Forbidden`, `NotFound`, `Expired`, `TooManyRequests`, `Invalid`, ... (empty when unknown).
    public var reason: String
    public var code: Int
    public var message: String
    public var causes: [Cause]
    /// From `Retry-After` or `details.retryAfterSeconds`.
    public var retryAfter: Duration?
    /// A fresh continue token the server offered with a 410 on a list.
    public var continueToken: String?

    /// One entry of `details.causes`, e.g. the invalid field of a 422.
    public struct Cause: Sendable, Equatable, Decodable {
        public var reason: String?
        public var message: String?
        public var field: String?

        public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }

    public init(
        reason: String, code: Int, message: String, causes: [Cause] = [],
        retryAfter: Duration? = nil, continueToken: String? = nil
    ) {
        self.reason = reason
        self.code = code
        self.message = message
        self.causes = causes
        self.retryAfter = retryAfter
        self.continueToken = continueToken
    }

    init(status: KubeStatus, httpStatus: Int, retryAfterHeader: String?) {
        let header = retryAfterHeader.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let seconds = header ?? status.details?.retryAfterSeconds
        self.init(
            reason: status.reason ?? "", code: status.code ?? httpStatus, message: status.message ?? "",
            causes: status.details?.causes ?? [], retryAfter: seconds.map { .seconds($0) },
            continueToken: status.metadata?.continue.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Builds the error for a non-2xx response: from its Status body when it has one, else from the status line.
    public static func from(httpStatus: Int, body: Data, retryAfterHeader: String?) -> KubeAPIError {
        if let status = try? JSONDecoder().decode(KubeStatus.self, from: body), status.kind == "Status" {
            return KubeAPIError(status: status, httpStatus: httpStatus, retryAfterHeader: retryAfterHeader)
        }
        let text =
            String(decoding: body.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return KubeAPIError(
            reason: Self.reasonName(httpStatus), code: httpStatus, message: text,
            retryAfter: retryAfterHeader.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { .seconds($0) })
    }

    /// `Expired` or the pre-1.18 `Gone`: the resourceVersion or continue token is too old.
    public var isExpired: Bool { code == 410 || reason == "Expired" || reason == "Gone" }

    public var description: String {
        let head = reason.isEmpty ? "HTTP \(code)" : reason
        return (message.isEmpty ? head : "\(head): \(message)").escapingControlCharacters
    }

    static func reasonName(_ code: Int) -> String {
        switch code {
        case 400: return "BadRequest"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 409: return "Conflict"
        case 410: return "Expired"
        case 422: return "Invalid"
        case 429: return "TooManyRequests"
        case 500: return "InternalError"
        case 503: return "ServiceUnavailable"
        case 504: return "Timeout"
        default: return ""
        }
    }
}

/// The `Status` object the API server sends for failures.
struct KubeStatus: Decodable {
    var kind: String?
    var status: String?
    var message: String?
    var reason: String?
    var code: Int?
    var details: Details?
    var metadata: Meta?

    struct Details: Decodable {
        var causes: [KubeAPIError.Cause]?
        var retryAfterSeconds: Int?
    }

    struct Meta: Decodable {
        var `continue`: String?
    }
}
