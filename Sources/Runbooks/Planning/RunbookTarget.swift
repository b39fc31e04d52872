import ClusterModel

/// What a runbook is run on: the selected row's kind and object, and a container when the row names one.
public struct RunbookTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: TargetKind
    /// Empty for nodes.
    public var namespace: String
    public var name: String
    public var container: String?

    public init(kind: TargetKind, namespace: String, name: String, container: String? = nil) {
        self.kind = kind
        self.namespace = kind == .node ? "" : namespace
        self.name = name
        self.container = container
    }

    /// Parses `KIND/NAMESPACE/NAME` (`node/NAME` for nodes); kinds are case-insensitive (`Deployment`, `deploy`).
    public init(parsing text: String, container: String? = nil) throws(RunbooksError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let kind = Self.kind(parts.first ?? "") else { throw .invalidTarget(text) }
        switch (kind, parts.count) {
        case (.node, 2) where !parts[1].isEmpty:
            self.init(kind: .node, namespace: "", name: parts[1], container: container)
        case (_, 3) where kind != .node && !parts[1].isEmpty && !parts[2].isEmpty:
            self.init(kind: kind, namespace: parts[1], name: parts[2], container: container)
        default:
            throw .invalidTarget(text)
        }
    }

    private static func kind(_ text: String) -> TargetKind? {
        let aliases: [String: TargetKind] = [
            "po": .pod, "pods": .pod, "deploy": .deployment, "deployments": .deployment, "sts": .statefulset,
            "statefulsets": .statefulset, "ds": .daemonset, "daemonsets": .daemonset, "cj": .cronjob,
            "cronjobs": .cronjob, "no": .node, "nodes": .node,
        ]
        let lower = text.lowercased()
        return TargetKind(rawValue: lower) ?? aliases[lower]
    }

    /// `pod kube-system/coredns-5d78c9869d-x2x7k`, `node node-3`.
    public var description: String {
        let object = namespace.isEmpty ? name : "\(namespace)/\(name)"
        return "\(kind.rawValue) \(object)" + (container.map { " (container \($0))" } ?? "")
    }

    /// The object itself (a container's pod).
    public var object: ObjectRef {
        ObjectRef(kind: kind.kindName, namespace: namespace, name: name)
    }
}

/// One object of the cluster, named by kind, namespace and name; optionally a subresource of it.
public struct ObjectRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `Pod`, `Deployment`, `StatefulSet`, `DaemonSet`, `CronJob`, `Node`.
    public var kind: String
    public var namespace: String
    public var name: String
    /// `scale` when the subresource is meant.
    public var subresource: String?

    public init(kind: String, namespace: String, name: String, subresource: String? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.subresource = subresource
    }

    /// The same object without a subresource.
    public var whole: ObjectRef { ObjectRef(kind: kind, namespace: namespace, name: name) }

    /// The object with a subresource.
    public func with(subresource: String) -> ObjectRef {
        ObjectRef(kind: kind, namespace: namespace, name: name, subresource: subresource)
    }

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    /// The REST resource of its kind.
    public var resource: ResourceKind? {
        switch kind {
        case "Pod": .pods
        case "Deployment": .deployments
        case "StatefulSet": .statefulSets
        case "DaemonSet": .daemonSets
        case "ReplicaSet": .replicaSets
        case "CronJob": .cronJobs
        case "Job": .jobs
        case "Node": .nodes
        default: nil
        }
    }

    /// `deployment kube-system/coredns`, `node node-3`.
    public var description: String {
        let object = namespace.isEmpty ? name : "\(namespace)/\(name)"
        return "\(kind.lowercased()) \(object)" + (subresource.map { " (\($0))" } ?? "")
    }
}
