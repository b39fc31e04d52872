/// A Kubernetes resource described as data: enough to build list, watch and object paths.
public struct ResourceKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// API group, empty for the core group.
    public var group: String
    public var version: String
    /// Lower-case plural used in paths (`pods`, `deployments`).
    public var plural: String
    public var kind: String
    public var isNamespaced: Bool

    public init(group: String, version: String, plural: String, kind: String, isNamespaced: Bool) {
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.isNamespaced = isNamespaced
    }

    public var description: String { plural }

    /// `/api/v1` or `/apis/{group}/{version}`.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The collection path, for one namespace or (when `nil` or the kind is cluster-scoped) the whole cluster.
    public func collectionPath(namespace: String? = nil) -> String {
        if isNamespaced, let namespace, !namespace.isEmpty {
            return "\(groupVersionPath)/namespaces/\(namespace.pathEscaped)/\(plural)"
        }
        return "\(groupVersionPath)/\(plural)"
    }

    /// The path of one object, with an optional subresource (`status`, `eviction`, `resize`, `scale`).
    public func objectPath(namespace: String?, name: String, subresource: String? = nil) -> String {
        let base = "\(collectionPath(namespace: isNamespaced ? namespace : nil))/\(name.pathEscaped)"
        return subresource.map { "\(base)/\($0)" } ?? base
    }

    // The resources Firebreak lists and watches.
    public static let nodes = ResourceKind(group: "", version: "v1", plural: "nodes", kind: "Node", isNamespaced: false)
    public static let pods = ResourceKind(group: "", version: "v1", plural: "pods", kind: "Pod", isNamespaced: true)
    public static let events = ResourceKind(
        group: "", version: "v1", plural: "events", kind: "Event", isNamespaced: true)
    public static let deployments = ResourceKind(
        group: "apps", version: "v1", plural: "deployments", kind: "Deployment", isNamespaced: true)
    public static let replicaSets = ResourceKind(
        group: "apps", version: "v1", plural: "replicasets", kind: "ReplicaSet", isNamespaced: true)
    public static let statefulSets = ResourceKind(
        group: "apps", version: "v1", plural: "statefulsets", kind: "StatefulSet", isNamespaced: true)
    public static let daemonSets = ResourceKind(
        group: "apps", version: "v1", plural: "daemonsets", kind: "DaemonSet", isNamespaced: true)
    public static let podDisruptionBudgets = ResourceKind(
        group: "policy", version: "v1", plural: "poddisruptionbudgets",
        kind: "PodDisruptionBudget", isNamespaced: true)
    public static let jobs = ResourceKind(
        group: "batch", version: "v1", plural: "jobs", kind: "Job", isNamespaced: true)
    public static let cronJobs = ResourceKind(
        group: "batch", version: "v1", plural: "cronjobs", kind: "CronJob", isNamespaced: true)
    public static let controllerRevisions = ResourceKind(
        group: "apps", version: "v1", plural: "controllerrevisions", kind: "ControllerRevision", isNamespaced: true)

    /// The resources a `ClusterConnection` watches.
    public static let watched: [ResourceKind] = [
        .nodes, .pods, .events, .deployments, .replicaSets, .statefulSets, .daemonSets, .podDisruptionBudgets,
        .jobs, .cronJobs, .controllerRevisions,
    ]
}

extension String {
    /// Percent-encodes for a path segment or query value (RFC 3986 unreserved characters pass through).
    var pathEscaped: String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
