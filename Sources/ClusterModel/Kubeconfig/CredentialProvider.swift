import Foundation

/// Supplies the bearer token for requests: static, re-read from a file each minute, or from an exec plugin
/// (cached until its expiry, re-run once after a 401).
public actor CredentialProvider {
    private let credentials: Credentials
    private let parentEnvironment: [String: String]
    private let now: @Sendable () -> Date
    private var cached: (token: Secret, expiresAt: Date?)?

    public init(
        credentials: Credentials, parentEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.credentials = credentials
        self.parentEnvironment = parentEnvironment
        self.now = now
    }

    /// The token to send, or `nil` when the user authenticates by client certificate or not at all.
    public func bearerToken() async throws(KubeconfigError) -> Secret? {
        switch credentials {
        case .none:
            return nil
        case .token(let token):
            return token
        case .tokenFile(let path):
            if let cached, let expiry = cached.expiresAt, expiry > now() { return cached.token }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .unreadable(path: path, reason: "token file cannot be read")
            }
            let token = Secret(text.trimmingCharacters(in: .whitespacesAndNewlines))
            cached = (token, now().addingTimeInterval(60))
            return token
        case .exec(let config):
            if let cached, cached.expiresAt.map({ $0 > now() }) ?? true { return cached.token }
            let credential = try await ExecPluginRunner.run(config, parentEnvironment: parentEnvironment)
            cached = (credential.token, credential.expiresAt)
            return credential.token
        }
    }

    /// Called after a 401 for a request sent with `token`. Returns whether a retry may get a different token.
    /// A credential that another request already rotated is not invalidated again.
    public func tokenRejected(_ token: Secret?) -> Bool {
        switch credentials {
        case .none, .token:
            return false
        case .tokenFile, .exec:
            if let cached, cached.token != token { return true }
            cached = nil
            return true
        }
    }
}
