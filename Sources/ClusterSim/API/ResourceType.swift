/// One REST resource the simulator serves: where it lives, what it is called, what it allows.
struct ResourceType: Sendable, Hashable {
    let group: String
    let version: String
    let plural: String
    let singular: String
    let kind: String
    let isNamespaced: Bool
    var shortNames: [String] = []
    var categories: [String] = []
    var subresources: [Subresource] = []
    var verbs: [String] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    struct Subresource: Sendable, Hashable {
        let name: String
        let kind: String
        let group: String
        let version: String
        let verbs: [String]
    }

    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    var listKind: String { kind + "List" }

    /// A resource is named by its group and plural. Only those are compared and hashed: the object store looks its
    /// tables up by resource on every read, and hashing every verb and subresource cost an eighth of a controller tick.
    static func == (lhs: ResourceType, rhs: ResourceType) -> Bool {
        lhs.plural == rhs.plural && lhs.group == rhs.group
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(plural)
        hasher.combine(group)
    }
}

extension ResourceType {
    private static func status(_ kind: String) -> Subresource {
        Subresource(name: "status", kind: kind, group: "", version: "", verbs: ["get", "patch", "update"])
    }
    private static let scale = Subresource(
        name: "scale", kind: "Scale", group: "autoscaling", version: "v1", verbs: ["get", "patch", "update"])

    static let namespaces = ResourceType(
        group: "", version: "v1", plural: "namespaces", singular: "namespace", kind: "Namespace", isNamespaced: false,
        shortNames: ["ns"], subresources: [status("Namespace")])
    static let nodes = ResourceType(
        group: "", version: "v1", plural: "nodes", singular: "node", kind: "Node", isNamespaced: false,
        shortNames: ["no"],
        subresources: [
            Subresource(
                name: "proxy", kind: "NodeProxyOptions", group: "", version: "",
                verbs: ["create", "delete", "get", "patch", "update"]),
            status("Node"),
        ])
    static let pods = ResourceType(
        group: "", version: "v1", plural: "pods", singular: "pod", kind: "Pod", isNamespaced: true,
        shortNames: ["po"], categories: ["all"],
        subresources: [
            Subresource(name: "eviction", kind: "Eviction", group: "policy", version: "v1", verbs: ["create"]),
            Subresource(name: "log", kind: "Pod", group: "", version: "", verbs: ["get"]),
            Subresource(name: "resize", kind: "Pod", group: "", version: "", verbs: ["get", "patch", "update"]),
            status("Pod"),
        ])
    static let events = ResourceType(
        group: "", version: "v1", plural: "events", singular: "event", kind: "Event", isNamespaced: true,
        shortNames: ["ev"])
    static let eventsV1 = ResourceType(
        group: "events.k8s.io", version: "v1", plural: "events", singular: "event", kind: "Event", isNamespaced: true,
        shortNames: ["ev"])
    static let deployments = ResourceType(
        group: "apps", version: "v1", plural: "deployments", singular: "deployment", kind: "Deployment",
        isNamespaced: true,
        shortNames: ["deploy"], categories: ["all"], subresources: [scale, status("Deployment")])
    static let replicaSets = ResourceType(
        group: "apps", version: "v1", plural: "replicasets", singular: "replicaset", kind: "ReplicaSet",
        isNamespaced: true,
        shortNames: ["rs"], categories: ["all"], subresources: [scale, status("ReplicaSet")])
    static let daemonSets = ResourceType(
        group: "apps", version: "v1", plural: "daemonsets", singular: "daemonset", kind: "DaemonSet",
        isNamespaced: true,
        shortNames: ["ds"], categories: ["all"], subresources: [status("DaemonSet")])
    static let statefulSets = ResourceType(
        group: "apps", version: "v1", plural: "statefulsets", singular: "statefulset", kind: "StatefulSet",
        isNamespaced: true,
        shortNames: ["sts"], categories: ["all"], subresources: [scale, status("StatefulSet")])
    static let jobs = ResourceType(
        group: "batch", version: "v1", plural: "jobs", singular: "job", kind: "Job", isNamespaced: true,
        categories: ["all"], subresources: [status("Job")])
    static let cronJobs = ResourceType(
        group: "batch", version: "v1", plural: "cronjobs", singular: "cronjob", kind: "CronJob", isNamespaced: true,
        shortNames: ["cj"], categories: ["all"], subresources: [status("CronJob")])
    static let podDisruptionBudgets = ResourceType(
        group: "policy", version: "v1", plural: "poddisruptionbudgets", singular: "poddisruptionbudget",
        kind: "PodDisruptionBudget", isNamespaced: true, shortNames: ["pdb"],
        subresources: [status("PodDisruptionBudget")])
    static let configMaps = ResourceType(
        group: "", version: "v1", plural: "configmaps", singular: "configmap", kind: "ConfigMap", isNamespaced: true,
        shortNames: ["cm"])
    static let secrets = ResourceType(
        group: "", version: "v1", plural: "secrets", singular: "secret", kind: "Secret", isNamespaced: true)
    static let resourceQuotas = ResourceType(
        group: "", version: "v1", plural: "resourcequotas", singular: "resourcequota", kind: "ResourceQuota",
        isNamespaced: true, shortNames: ["quota"], subresources: [status("ResourceQuota")])
    static let limitRanges = ResourceType(
        group: "", version: "v1", plural: "limitranges", singular: "limitrange", kind: "LimitRange",
        isNamespaced: true, shortNames: ["limits"])
    static let controllerRevisions = ResourceType(
        group: "apps", version: "v1", plural: "controllerrevisions", singular: "controllerrevision",
        kind: "ControllerRevision", isNamespaced: true)
    static let priorityClasses = ResourceType(
        group: "scheduling.k8s.io", version: "v1", plural: "priorityclasses", singular: "priorityclass",
        kind: "PriorityClass", isNamespaced: false, shortNames: ["pc"])
    static let selfSubjectAccessReviews = ResourceType(
        group: "authorization.k8s.io", version: "v1", plural: "selfsubjectaccessreviews",
        singular: "selfsubjectaccessreview", kind: "SelfSubjectAccessReview", isNamespaced: false, verbs: ["create"])
    static let selfSubjectReviews = ResourceType(
        group: "authentication.k8s.io", version: "v1", plural: "selfsubjectreviews",
        singular: "selfsubjectreview", kind: "SelfSubjectReview", isNamespaced: false, verbs: ["create"])
    static let podMetrics = ResourceType(
        group: "metrics.k8s.io", version: "v1beta1", plural: "pods", singular: "", kind: "PodMetrics",
        isNamespaced: true, verbs: ["get", "list"])
    static let nodeMetrics = ResourceType(
        group: "metrics.k8s.io", version: "v1beta1", plural: "nodes", singular: "", kind: "NodeMetrics",
        isNamespaced: false, verbs: ["get", "list"])

    /// Resources with stored objects (list, watch, write).
    static let stored: [ResourceType] = [
        namespaces, nodes, pods, events, configMaps, secrets, resourceQuotas, limitRanges, deployments, replicaSets,
        daemonSets, statefulSets, controllerRevisions, jobs, cronJobs, podDisruptionBudgets, priorityClasses,
    ]

    /// Everything discovery announces, grouped by group version, in the order a real server lists them.
    static let served: [ResourceType] =
        stored + [eventsV1, selfSubjectAccessReviews, selfSubjectReviews, podMetrics, nodeMetrics]

    /// The resource at `/api/v1/<plural>` or `/apis/<group>/<version>/<plural>`.
    static func lookup(group: String, version: String, plural: String) -> ResourceType? {
        served.first { $0.group == group && $0.version == version && $0.plural == plural }
    }
}
