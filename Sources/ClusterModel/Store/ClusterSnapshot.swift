import Foundation

/// An immutable view of everything the store holds, for rendering and signal detection.
public struct ClusterSnapshot: Sendable {
    public var nodes: [ObjectKey: NodeSummary] = [:]
    public var pods: [ObjectKey: PodSummary] = [:]
    public var events: [ObjectKey: EventSummary] = [:]
    public var deployments: [ObjectKey: WorkloadSummary] = [:]
    public var replicaSets: [ObjectKey: WorkloadSummary] = [:]
    public var statefulSets: [ObjectKey: WorkloadSummary] = [:]
    public var daemonSets: [ObjectKey: WorkloadSummary] = [:]
    public var podDisruptionBudgets: [ObjectKey: PDBSummary] = [:]
    /// Freshness of this view.
    public var health = ConnectionHealth()
    /// Bumped on every change to the store.
    public var generation: UInt64 = 0
    /// Bumped on every change to a resource's objects (by plural), so a reader can skip what did not change.
    public var resourceGenerations: [String: UInt64] = [:]

    /// The change counter of `resource`'s objects.
    public func generation(of resource: ResourceKind) -> UInt64 { resourceGenerations[resource.plural] ?? 0 }

    public init(
        nodes: [NodeSummary] = [], pods: [PodSummary] = [], events: [EventSummary] = [],
        workloads: [WorkloadSummary] = [], podDisruptionBudgets: [PDBSummary] = [],
        health: ConnectionHealth = ConnectionHealth(), generation: UInt64 = 0
    ) {
        self.nodes = Dictionary(nodes.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.pods = Dictionary(pods.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.events = Dictionary(events.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        for workload in workloads { self[workloadsOf: workload.kind]?[workload.key] = workload }
        self.podDisruptionBudgets = Dictionary(
            podDisruptionBudgets.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.health = health
        self.generation = generation
    }

    /// All workloads of every kind.
    public var workloads: [WorkloadSummary] {
        Array(deployments.values) + Array(replicaSets.values) + Array(statefulSets.values) + Array(daemonSets.values)
    }

    /// The workload dictionary for a kind name (`Deployment`, `ReplicaSet`, `StatefulSet`, `DaemonSet`).
    public subscript(workloadsOf kind: String) -> [ObjectKey: WorkloadSummary]? {
        get {
            switch kind {
            case "Deployment": return deployments
            case "ReplicaSet": return replicaSets
            case "StatefulSet": return statefulSets
            case "DaemonSet": return daemonSets
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch kind {
            case "Deployment": deployments = newValue
            case "ReplicaSet": replicaSets = newValue
            case "StatefulSet": statefulSets = newValue
            case "DaemonSet": daemonSets = newValue
            default: break
            }
        }
    }

    /// The top-level owner of a pod: a ReplicaSet's Deployment, or the direct controller.
    public func owningWorkload(of pod: PodSummary) -> OwnerRef? {
        guard let owner = pod.controller else { return nil }
        if owner.kind == "ReplicaSet",
            let parent = replicaSets[ObjectKey(namespace: pod.namespace, name: owner.name)]?.controller
        {
            return parent
        }
        return owner
    }
}

/// How fresh the store's view is.
public struct ConnectionHealth: Sendable, Equatable {
    /// When any list or watch last succeeded.
    public var lastContact: Date?
    /// When the view became stale (some resource's list/watch is failing); `nil` when live.
    public var staleSince: Date?
    /// The latest failure, one line.
    public var lastError: String?
    /// Resources whose first list has completed.
    public var syncedResources: Set<String> = []
    /// Resources these credentials may not read (plural → reason); they are left empty.
    public var unavailableResources: [String: String] = [:]

    public init(
        lastContact: Date? = nil, staleSince: Date? = nil, lastError: String? = nil,
        syncedResources: Set<String> = [], unavailableResources: [String: String] = [:]
    ) {
        self.lastContact = lastContact
        self.staleSince = staleSince
        self.lastError = lastError
        self.syncedResources = syncedResources
        self.unavailableResources = unavailableResources
    }

    public var isStale: Bool { staleSince != nil }
}
