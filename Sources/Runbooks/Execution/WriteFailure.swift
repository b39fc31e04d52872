import ClusterModel

/// A failed request, classified the way the executor routes it.
public enum WriteFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// 409: the object changed since it was read; re-plan.
    case conflict(String)
    /// 403.
    case forbidden(String)
    /// 404.
    case notFound(String)
    /// Another refusal that retrying will not change (400, 422).
    case rejected(code: Int, message: String)
    /// An eviction a PodDisruptionBudget refuses for now (429): `budget` is its name, `message` the server's
    /// words with the budget's cause (`… needs 2 healthy pods and has 2 currently`), `retryAfter` the seconds the
    /// server asks to wait (its `Retry-After`), if any. Retry later; never force.
    case blockedByBudget(budget: String, message: String, retryAfter: Double?)
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
        case 429 where api.disruptionBudgetMessage != nil:
            let cause = api.disruptionBudgetMessage ?? ""
            self = .blockedByBudget(
                budget: Self.budgetName(in: cause), message: "\(message) \(cause)",
                retryAfter: api.retryAfter.map { Double($0.components.seconds) })
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
        case .blockedByBudget: 429
        case .transient: nil
        }
    }

    public var description: String {
        switch self {
        case .conflict(let message), .forbidden(let message), .notFound(let message), .transient(let message):
            message
        case .rejected(_, let message), .blockedByBudget(_, let message, _): message
        }
    }

    /// `web-pdb` in `The disruption budget web-pdb needs 1 healthy pods and has 1 currently`.
    static func budgetName(in cause: String) -> String {
        let prefix = "The disruption budget "
        guard let range = cause.range(of: prefix) else { return "" }
        return String(cause[range.upperBound...].prefix { $0 != " " })
    }
}
