import Foundation

/// Why a list or watch failed, as far as retry decisions care.
public enum ReflectorFailure: Sendable, Equatable, CustomStringConvertible {
    /// 410 Expired/Gone: the resourceVersion or continue token is too old.
    case expired
    case tooManyRequests(retryAfter: Duration?)
    /// No response: connection refused, reset, timeout.
    case unreachable(String)
    case serverError(code: Int, message: String)
    /// 401: the credentials were rejected (after one refresh).
    case unauthorized(String)
    /// 403: these credentials may not read the resource.
    case forbidden(String)
    /// Anything else (decode errors, 400); retried with backoff.
    case other(String)

    public var retryAfter: Duration? {
        if case .tooManyRequests(let after?) = self { return after }
        return nil
    }

    public var description: String {
        switch self {
        case .expired: return "resourceVersion expired (410)"
        case .tooManyRequests(let after):
            return "throttled (429)" + (after.map { ", retry after \(Int($0.inSeconds.rounded()))s" } ?? "")
        case .unreachable(let problem): return problem
        case .serverError(let code, let message): return "server error \(code): \(message)"
        case .unauthorized(let problem), .forbidden(let problem), .other(let problem): return problem
        }
    }
}
