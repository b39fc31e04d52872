/// Who a request comes from, by its bearer token.
struct SimUser: Sendable, Equatable {
    let name: String
    let groups: [String]
    let isAdmin: Bool

    /// Whether this user may perform `verb` (the read-only user may only read, and ask what it may do).
    func may(_ verb: String, _ resource: ResourceType) -> Bool {
        if isAdmin { return true }
        if resource == .selfSubjectAccessReviews || resource == .selfSubjectReviews { return verb == "create" }
        return ["get", "list", "watch"].contains(verb)
    }
}

/// The simulator's two tokens: an admin (`system:masters`) and a read-only viewer.
public struct SimTokens: Sendable {
    public let admin: String
    public let viewer: String

    public init(admin: String, viewer: String) {
        self.admin = admin
        self.viewer = viewer
    }

    func user(forAuthorization header: String?) -> SimUser? {
        guard let header, header.hasPrefix("Bearer ") else { return nil }
        switch header.dropFirst("Bearer ".count) {
        case Substring(admin): return SimUser(name: "admin", groups: ["system:masters", "system:authenticated"], isAdmin: true)
        case Substring(viewer): return SimUser(name: "viewer", groups: ["system:authenticated"], isAdmin: false)
        default: return nil
        }
    }
}
