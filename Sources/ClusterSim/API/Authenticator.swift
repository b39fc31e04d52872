/// Who a request comes from, by its bearer token.
struct SimUser: Sendable, Equatable {
    /// What a user may do.
    enum Access: Sendable, Equatable {
        /// `system:masters`: everything.
        case admin
        /// Reads everything, writes nothing.
        case readOnly
        /// The built-in `view` ClusterRole: reads most namespaced objects, but not nodes or secrets.
        case viewRole
    }

    let name: String
    let groups: [String]
    let access: Access

    var isAdmin: Bool { access == .admin }

    /// Whether this user may perform `verb` on `resource` (anyone may ask what it may do).
    func may(_ verb: String, _ resource: ResourceType) -> Bool {
        if access == .admin { return true }
        if resource == .selfSubjectAccessReviews || resource == .selfSubjectReviews { return verb == "create" }
        guard ["get", "list", "watch"].contains(verb) else { return false }
        return access == .readOnly || !Self.hiddenFromViewRole.contains(resource.plural)
    }

    /// What the `view` role cannot read: cluster-scoped infrastructure and secret values.
    static let hiddenFromViewRole: Set<String> = ["nodes", "secrets"]
}

/// The simulator's tokens: an admin (`system:masters`), a read-only viewer, and a user bound to the built-in `view`
/// role (cannot list nodes or read secrets).
public struct SimTokens: Sendable {
    public let admin: String
    public let viewer: String
    public let view: String

    public init(admin: String, viewer: String, view: String = "firebreak-view-token") {
        self.admin = admin
        self.viewer = viewer
        self.view = view
    }

    func user(forAuthorization header: String?) -> SimUser? {
        guard let header, header.hasPrefix("Bearer ") else { return nil }
        switch header.dropFirst("Bearer ".count) {
        case Substring(admin):
            return SimUser(name: "admin", groups: ["system:masters", "system:authenticated"], access: .admin)
        case Substring(viewer): return SimUser(name: "viewer", groups: ["system:authenticated"], access: .readOnly)
        case Substring(view): return SimUser(name: "view", groups: ["system:authenticated"], access: .viewRole)
        default: return nil
        }
    }
}
