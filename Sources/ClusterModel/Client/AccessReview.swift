/// What a SelfSubjectAccessReview asks: may I `verb` this resource (and subresource), in this namespace, by name?
public struct AccessAttributes: Sendable, Hashable, Codable, CustomStringConvertible {
    public var verb: String
    /// API group, empty for the core group.
    public var group: String
    public var resource: String
    public var subresource: String?
    public var namespace: String?
    public var name: String?

    public init(
        verb: String, group: String, resource: String, subresource: String? = nil, namespace: String? = nil,
        name: String? = nil
    ) {
        self.verb = verb
        self.group = group
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }

    /// The attributes for sending `write`.
    public init(_ write: KubeWrite) {
        let verb =
            switch write.method {
            case .post: "create"
            case .put: "update"
            case .patch: "patch"
            case .delete: "delete"
            }
        self.init(
            verb: verb, group: write.resource.group, resource: write.resource.plural, subresource: write.subresource,
            namespace: write.namespace, name: write.name)
    }

    var json: JSONValue {
        var members: [String: JSONValue] = [
            "verb": .string(verb), "group": .string(group), "resource": .string(resource),
        ]
        if let subresource { members["subresource"] = .string(subresource) }
        if let namespace { members["namespace"] = .string(namespace) }
        if let name { members["name"] = .string(name) }
        return .object(members)
    }

    /// `patch deployments.apps/coredns in kube-system`, `create pods/eviction`.
    public var description: String {
        let qualified = group.isEmpty ? resource : "\(resource).\(group)"
        var text = "\(verb) \(qualified)" + (subresource.map { "/\($0)" } ?? "")
        if let name { text += " \(name)" }
        if let namespace { text += " in \(namespace)" }
        return text
    }
}

/// The server's answer to a SelfSubjectAccessReview.
public struct AccessDecision: Sendable, Hashable {
    public var attributes: AccessAttributes
    public var allowed: Bool
    /// True when an authorizer explicitly denied (not only "no rule allows").
    public var denied: Bool
    public var reason: String
    public var evaluationError: String

    public init(
        attributes: AccessAttributes, allowed: Bool, denied: Bool = false, reason: String = "",
        evaluationError: String = ""
    ) {
        self.attributes = attributes
        self.allowed = allowed
        self.denied = denied
        self.reason = reason
        self.evaluationError = evaluationError
    }
}
