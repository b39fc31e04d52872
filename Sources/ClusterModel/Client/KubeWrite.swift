/// One write to the API server described as data: what a planner builds, an executor sends (for real or with
/// `dryRun=All`) and a journal records.
public struct KubeWrite: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable {
        case post = "POST"
        case put = "PUT"
        case patch = "PATCH"
        case delete = "DELETE"
    }

    /// A query parameter other than `dryRun` and `fieldManager` (added when the write is sent).
    public struct QueryItem: Sendable, Hashable, Codable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: Method
    public var resource: ResourceKind
    public var namespace: String?
    public var name: String
    /// `scale`, `resize`, `eviction`, `status`; nil for the object itself.
    public var subresource: String?
    /// The body's content type (a patch type, or `application/json`).
    public var contentType: String?
    public var body: JSONValue?
    public var query: [QueryItem]
    /// Sent as `fieldManager` on POST, PUT and PATCH.
    public var fieldManager: String?

    /// Firebreak's field manager name on every write.
    public static let defaultFieldManager = "firebreak"

    public init(
        method: Method, resource: ResourceKind, namespace: String?, name: String, subresource: String? = nil,
        contentType: String? = nil, body: JSONValue? = nil, query: [QueryItem] = [],
        fieldManager: String? = KubeWrite.defaultFieldManager
    ) {
        self.method = method
        self.resource = resource
        self.namespace = resource.isNamespaced ? namespace : nil
        self.name = name
        self.subresource = subresource
        self.contentType = contentType
        self.body = body
        self.query = query
        self.fieldManager = method == .delete ? nil : fieldManager
    }

    /// The request path with its query: `dryRun=All` first when asked, then `fieldManager`, then the rest.
    public func path(dryRun: Bool) -> String {
        var items: [(String, String)] = []
        if dryRun { items.append(("dryRun", "All")) }
        if let fieldManager { items.append(("fieldManager", fieldManager)) }
        items += query.map { ($0.name, $0.value) }
        return RequestPath.make(resource.objectPath(namespace: namespace, name: name, subresource: subresource), items)
    }

    /// `PATCH … PATH` (no query), for messages and records.
    public var summary: String {
        "\(method.rawValue) \(resource.objectPath(namespace: namespace, name: name, subresource: subresource))"
    }
}

extension KubeWrite {
    /// A patch of an object or subresource. With `resourceVersion`, the server refuses it with 409 Conflict if the
    /// object changed since it was read: strategic-merge and merge patches carry it in `metadata.resourceVersion`, a
    /// JSON patch as a leading `test` operation.
    public static func patch(
        _ resource: ResourceKind, namespace: String?, name: String, subresource: String? = nil, type: PatchType,
        body: JSONValue, resourceVersion: String? = nil
    ) -> KubeWrite {
        var body = body
        if let resourceVersion {
            switch type {
            case .strategicMerge, .merge, .apply:
                body = body.setting(path: ["metadata", "resourceVersion"], .string(resourceVersion))
            case .json:
                let test: JSONValue = [
                    "op": "test", "path": "/metadata/resourceVersion", "value": .string(resourceVersion),
                ]
                body = .array([test] + (body.arrayValue ?? []))
            }
        }
        return KubeWrite(
            method: .patch, resource: resource, namespace: namespace, name: name, subresource: subresource,
            contentType: type.rawValue, body: body)
    }

    /// `POST pods/{name}/eviction` (policy/v1); the UID precondition makes it fail if the pod was replaced.
    public static func evict(namespace: String, name: String, uid: String? = nil, gracePeriodSeconds: Int? = nil)
        -> KubeWrite
    {
        var options: [String: JSONValue] = [:]
        if let gracePeriodSeconds { options["gracePeriodSeconds"] = .int(Int64(gracePeriodSeconds)) }
        if let uid { options["preconditions"] = ["uid": .string(uid)] }
        let body: JSONValue = [
            "apiVersion": "policy/v1", "kind": "Eviction",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "deleteOptions": .object(options),
        ]
        return KubeWrite(
            method: .post, resource: .pods, namespace: namespace, name: name, subresource: "eviction",
            contentType: "application/json", body: body, fieldManager: nil)
    }

    /// Sets the replicas of a Deployment, StatefulSet or ReplicaSet through its `scale` subresource (a merge patch,
    /// as kubectl sends it), refused with 409 if the object changed since `resourceVersion`.
    public static func scale(
        _ resource: ResourceKind, namespace: String, name: String, replicas: Int, resourceVersion: String? = nil
    ) -> KubeWrite {
        patch(
            resource, namespace: namespace, name: name, subresource: "scale", type: .merge,
            body: ["spec": ["replicas": .int(Int64(replicas))]], resourceVersion: resourceVersion)
    }

    /// Resizes a running pod's containers in place (`pods/{name}/resize`, beta from 1.33, GA in 1.35): a
    /// strategic-merge patch of `spec.containers[].resources`, keyed by container name.
    public static func resize(
        namespace: String, name: String, containers: [(name: String, resources: JSONValue)],
        resourceVersion: String? = nil
    ) -> KubeWrite {
        let list = containers.map { JSONValue.object(["name": .string($0.name), "resources": $0.resources]) }
        return patch(
            .pods, namespace: namespace, name: name, subresource: "resize", type: .strategicMerge,
            body: ["spec": ["containers": .array(list)]], resourceVersion: resourceVersion)
    }

    /// Deletes an object; for a pod, `gracePeriodSeconds` overrides its termination grace period (0 removes it at
    /// once). The preconditions make it fail with 409 if the object was replaced or changed.
    public static func delete(
        _ resource: ResourceKind, namespace: String?, name: String, gracePeriodSeconds: Int? = nil,
        preconditionUID: String? = nil, preconditionResourceVersion: String? = nil
    ) -> KubeWrite {
        var options: [String: JSONValue] = ["apiVersion": "v1", "kind": "DeleteOptions"]
        var preconditions: [String: JSONValue] = [:]
        if let preconditionUID { preconditions["uid"] = .string(preconditionUID) }
        if let preconditionResourceVersion { preconditions["resourceVersion"] = .string(preconditionResourceVersion) }
        if !preconditions.isEmpty { options["preconditions"] = .object(preconditions) }
        var query: [QueryItem] = []
        if let gracePeriodSeconds {
            options["gracePeriodSeconds"] = .int(Int64(gracePeriodSeconds))
            query.append(QueryItem("gracePeriodSeconds", String(gracePeriodSeconds)))
        }
        return KubeWrite(
            method: .delete, resource: resource, namespace: namespace, name: name, contentType: "application/json",
            body: .object(options), query: query)
    }
}
