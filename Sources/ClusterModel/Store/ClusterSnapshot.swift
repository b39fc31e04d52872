import Foundation

/// An immutable view of everything the store holds, for rendering and signal detection, with the indexes views
/// need (pods by node, pods by owner, what the pods on each node add up to), kept up to date change by change.
public struct ClusterSnapshot: Sendable {
    public internal(set) var nodes: [ObjectKey: NodeSummary] = [:]
    public internal(set) var pods: [ObjectKey: PodSummary] = [:]
    public internal(set) var events: [ObjectKey: EventSummary] = [:]
    public internal(set) var deployments: [ObjectKey: WorkloadSummary] = [:]
    public internal(set) var replicaSets: [ObjectKey: WorkloadSummary] = [:]
    public internal(set) var statefulSets: [ObjectKey: WorkloadSummary] = [:]
    public internal(set) var daemonSets: [ObjectKey: WorkloadSummary] = [:]
    public internal(set) var podDisruptionBudgets: [ObjectKey: PDBSummary] = [:]
    public internal(set) var jobs: [ObjectKey: JobSummary] = [:]
    public internal(set) var cronJobs: [ObjectKey: CronJobSummary] = [:]
    public internal(set) var controllerRevisions: [ObjectKey: RevisionSummary] = [:]
    /// Freshness of this view.
    public var health = ConnectionHealth()
    /// Bumped on every change to the store.
    public var generation: UInt64 = 0
    /// Bumped on every change to a resource's objects (by plural), so a reader can skip what did not change.
    public var resourceGenerations: [String: UInt64] = [:]

    /// The change counter of `resource`'s objects.
    public func generation(of resource: ResourceKind) -> UInt64 { resourceGenerations[resource.plural] ?? 0 }
    /// Pods by the node they are bound to.
    var podsByNode = ObjectIndex<String>()
    /// Pods by their controller (a ReplicaSet, StatefulSet, DaemonSet, Job or Node).
    var podsByController = ObjectIndex<OwnerKey>()
    /// ReplicaSets by their controller (a Deployment), the step from a Deployment to its pods.
    var replicaSetsByController = ObjectIndex<OwnerKey>()
    /// Jobs by their controller (a CronJob), the step from a CronJob to its pods.
    var jobsByController = ObjectIndex<OwnerKey>()
    /// ControllerRevisions by their controller (a StatefulSet or DaemonSet).
    var revisionsByController = ObjectIndex<OwnerKey>()
    /// What the pods bound to each node ask for.
    var nodeTotals: [String: PodTotals] = [:]

    public init(
        nodes: [NodeSummary] = [], pods: [PodSummary] = [], events: [EventSummary] = [],
        workloads: [WorkloadSummary] = [], podDisruptionBudgets: [PDBSummary] = [], jobs: [JobSummary] = [],
        cronJobs: [CronJobSummary] = [], controllerRevisions: [RevisionSummary] = [],
        health: ConnectionHealth = ConnectionHealth(), generation: UInt64 = 0
    ) {
        replace(.nodes, with: Self.keyed(nodes))
        replace(.pods, with: Self.keyed(pods))
        replace(.events, with: Self.keyed(events))
        for kind in [ResourceKind.deployments, .replicaSets, .statefulSets, .daemonSets] {
            replace(kind, with: Self.keyed(workloads.filter { $0.kind == kind.kind }))
        }
        replace(.podDisruptionBudgets, with: Self.keyed(podDisruptionBudgets))
        replace(.jobs, with: Self.keyed(jobs))
        replace(.cronJobs, with: Self.keyed(cronJobs))
        replace(.controllerRevisions, with: Self.keyed(controllerRevisions))
        self.health = health
        self.generation = generation
    }

    private static func keyed<T: StoredObject>(_ objects: [T]) -> [ObjectKey: T] {
        Dictionary(objects.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// All workloads of every kind.
    public var workloads: [WorkloadSummary] {
        Array(deployments.values) + Array(replicaSets.values) + Array(statefulSets.values) + Array(daemonSets.values)
    }

    /// The workloads of a kind (`Deployment`, `ReplicaSet`, `StatefulSet`, `DaemonSet`); nil for another kind.
    public subscript(workloadsOf kind: String) -> [ObjectKey: WorkloadSummary]? {
        switch kind {
        case "Deployment": return deployments
        case "ReplicaSet": return replicaSets
        case "StatefulSet": return statefulSets
        case "DaemonSet": return daemonSets
        default: return nil
        }
    }

    /// The top-level owner of a pod: a ReplicaSet's Deployment, a Job's CronJob, or the direct controller.
    public func owningWorkload(of pod: PodSummary) -> OwnerRef? {
        guard let owner = pod.controller else { return nil }
        let ownerKey = ObjectKey(namespace: pod.namespace, name: owner.name)
        switch owner.kind {
        case "ReplicaSet": return replicaSets[ownerKey]?.controller ?? owner
        case "Job": return jobs[ownerKey]?.controller ?? owner
        default: return owner
        }
    }
}
