import ClusterModel

/// A failed request, classified the way the executor routes it.
public enum WriteFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// 409: the object changed since it was read; re-plan.
    case conflict(String)
    /// 403.
    case forbidden(String)
    /// 404.
    case notFound(String)
    /// Another refusal that retrying will not change (400, 422, a PDB's 429).
    case rejected(code: Int, message: String)
    /// No answer, 5xx, or an overloaded server's 429: worth retrying.
    case transient(String)

    public init(_ error: KubeClientError) {
        guard let api = error.apiError else {
            self = .transient(error.description)
            return
        }
        let message = api.description
        switch api.code {
        case 409: self = .conflict(message)
        case 403: self = .forbidden(message)
        case 404: self = .notFound(message)
        case 429 where api.disruptionBudgetMessage != nil: self = .rejected(code: 429, message: message)
        case 429, 500...599: self = .transient(message)
        default: self = .rejected(code: api.code, message: message)
        }
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        switch self {
        case .conflict: 409
        case .forbidden: 403
        case .notFound: 404
        case .rejected(let code, _): code
        case .transient: nil
        }
    }

    public var description: String {
        switch self {
        case .conflict(let message), .forbidden(let message), .notFound(let message), .transient(let message):
            message
        case .rejected(_, let message): message
        }
    }
}
