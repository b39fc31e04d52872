import Foundation

/// Why the API server cannot be used right now, in the words an on-call engineer reads in the header and on stderr:
/// "connection refused", "TLS: certificate signed by an unknown authority", "401 Unauthorized: token expired or
/// invalid", "forbidden: user view cannot list nodes at the cluster scope".
public struct ConnectionProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case refused, tls, unauthorized, forbidden, timeout, throttled, serverError, other
    }

    public var kind: Kind
    /// One line, plain words.
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// Whether retrying cannot help without someone changing something (a server that refuses connections, a
    /// certificate that is not trusted, credentials that are rejected): a one-shot command says so and exits.
    public var isDefinite: Bool { kind == .refused || kind == .tls || kind == .unauthorized }

    /// The problem behind a reflector's failure.
    public init(_ failure: ReflectorFailure) {
        switch failure {
        case .expired: self.init(kind: .other, message: failure.description)
        case .tooManyRequests: self.init(kind: .throttled, message: failure.description)
        case .serverError: self.init(kind: .serverError, message: failure.description)
        case .unauthorized(let message): self.init(kind: .unauthorized, message: message)
        case .forbidden(let message): self.init(kind: .forbidden, message: Self.plainForbidden(message))
        case .other(let message): self.init(kind: .other, message: message)
        case .unreachable(let problem):
            let lower = problem.lowercased()
            if lower.contains("refused") {
                self.init(kind: .refused, message: "connection refused")
            } else if lower.hasPrefix("tls") {
                self.init(kind: .tls, message: problem)
            } else if lower.contains("timed out") || lower.contains("deadline") {
                self.init(kind: .timeout, message: problem)
            } else {
                self.init(kind: .other, message: problem)
            }
        }
    }

    /// `nodes is forbidden: User "view" cannot list resource "nodes" in API group "" at the cluster scope` →
    /// `forbidden: user view cannot list nodes at the cluster scope`; other messages are kept whole.
    static func plainForbidden(_ message: String) -> String {
        let pattern =
            #/User "(?<user>[^"]*)" cannot (?<verb>\w+) resource "(?<resource>[^"]+)" in API group "(?<group>[^"]*)" (?<scope>at the cluster scope|in the namespace "[^"]*")/#
        guard let match = message.firstMatch(of: pattern) else { return message }
        let group = match.group.isEmpty ? "" : ".\(match.group)"
        let scope = match.scope.replacingOccurrences(of: "\"", with: "")
        return "forbidden: user \(match.user) cannot \(match.verb) \(match.resource)\(group) \(scope)"
    }
}
