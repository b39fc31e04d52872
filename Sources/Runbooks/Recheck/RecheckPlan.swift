import ClusterModel

/// How to tell whether a request whose answer was never recorded took effect, from the request as recorded; pure.
public enum RecheckPlan: Sendable, Hashable {
    /// Send the write again as a dry run, without its resourceVersion precondition (the object has moved on if the
    /// write took effect), and compare the server's answer with the object as `read` finds it: no difference means
    /// the cluster already holds the change.
    case compare(dryRun: KubeWrite, read: ObjectRead)
    /// The write removes an object (an eviction, a delete): it took effect if the object is gone, being deleted, or
    /// replaced by another of the same name (its uid is not `uid`).
    case removal(ObjectRead, uid: String?)
    /// The cluster cannot tell; why.
    case impossible(String)

    /// The plan for the recorded `request` (nil in records written before re-checks existed).
    public init(_ request: KubeWrite?) {
        guard let request else {
            self = .impossible("the journal holds only its path (recorded before re-checks), so check the object")
            return
        }
        if let body = request.body, body.contains(Redaction.placeholder) {
            self = .impossible("it carried secret values, recorded only redacted, so check the object")
            return
        }
        let object = ObjectRead(
            resource: request.resource, namespace: request.namespace, name: request.name, subresource: nil)
        switch request.method {
        case .delete:
            self = .removal(object, uid: request.body?[path: ["preconditions", "uid"]]?.stringValue)
        case .post where request.subresource == "eviction":
            self = .removal(object, uid: request.body?[path: ["deleteOptions", "preconditions", "uid"]]?.stringValue)
        case .post:
            self = .impossible("a \(request.summary) cannot be repeated as a check, so check the object")
        case .patch, .put:
            var write = request
            write.body = request.body.map { Self.withoutPrecondition($0, contentType: request.contentType) }
            var read = object
            // A scale answer is a Scale; other subresources (resize, status) answer with the whole object.
            if request.subresource == "scale" { read.subresource = "scale" }
            self = .compare(dryRun: write, read: read)
        }
    }

    /// The body without the resourceVersion it was sent with: `metadata.resourceVersion`, or a JSON patch's leading
    /// `test` of it.
    static func withoutPrecondition(_ body: JSONValue, contentType: String?) -> JSONValue {
        if contentType == PatchType.json.rawValue, let operations = body.arrayValue {
            return .array(
                operations.filter {
                    !($0["op"]?.stringValue == "test" && $0["path"]?.stringValue == "/metadata/resourceVersion")
                })
        }
        guard body["metadata"]?["resourceVersion"] != nil else { return body }
        return body.setting(path: ["metadata", "resourceVersion"], nil)
    }
}

/// An object (or its `scale` subresource) to read.
public struct ObjectRead: Sendable, Hashable, CustomStringConvertible {
    public var resource: ResourceKind
    public var namespace: String?
    public var name: String
    public var subresource: String?

    public init(resource: ResourceKind, namespace: String?, name: String, subresource: String? = nil) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.subresource = subresource
    }

    /// `deployments kube-system/coredns`.
    public var description: String {
        "\(resource.plural) \(namespace.map { "\($0)/" } ?? "")\(name)"
    }
}

extension JSONValue {
    /// Whether `text` is a string anywhere in this value.
    func contains(_ text: String) -> Bool {
        switch self {
        case .string(let value): value == text
        case .array(let items): items.contains { $0.contains(text) }
        case .object(let members): members.values.contains { $0.contains(text) }
        default: false
        }
    }
}
