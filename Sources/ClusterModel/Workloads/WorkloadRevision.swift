import Foundation

/// One revision of a workload's pod template: a Deployment's ReplicaSet or a StatefulSet's or DaemonSet's
/// ControllerRevision, with what changed since the revision before it and the pods that run it.
public struct WorkloadRevision: Sendable, Hashable {
    /// The revision number (`deployment.kubernetes.io/revision`, or the ControllerRevision's `revision`).
    public var number: Int64
    /// The ReplicaSet's or ControllerRevision's name.
    public var name: String
    public var createdAt: Date?
    public var containers: [ContainerSpecSummary]
    /// The Deployment's replicas when this ReplicaSet was last scaled; nil for ControllerRevisions.
    public var replicas: Int?
    /// What differs from the previous revision (empty for the first one kept).
    public var changes: [RevisionChange]
    /// The pods running this revision, in key order.
    public var pods: [ObjectKey]
    /// Whether this is the revision the workload rolls out now (the newest).
    public var isCurrent: Bool

    public init(
        number: Int64, name: String, createdAt: Date? = nil, containers: [ContainerSpecSummary] = [],
        replicas: Int? = nil, changes: [RevisionChange] = [], pods: [ObjectKey] = [], isCurrent: Bool = false
    ) {
        self.number = number
        self.name = name
        self.createdAt = createdAt
        self.containers = containers
        self.replicas = replicas
        self.changes = changes
        self.pods = pods
        self.isCurrent = isCurrent
    }

    /// The revisions of a Deployment, StatefulSet or DaemonSet, newest first, each with its changes from the one
    /// before; empty for other kinds.
    public static func history(of owner: OwnerKey, in snapshot: ClusterSnapshot) -> [WorkloadRevision] {
        var oldestFirst: [WorkloadRevision]
        switch owner.kind {
        case "Deployment":
            oldestFirst = snapshot.replicaSets(ownedBy: owner).map { replicaSet in
                WorkloadRevision(
                    number: Int64(replicaSet.revision ?? 0), name: replicaSet.name, createdAt: replicaSet.createdAt,
                    containers: replicaSet.templateContainers, replicas: replicaSet.deploymentReplicas,
                    pods: snapshot.pods(
                        controlledBy: OwnerKey(kind: "ReplicaSet", namespace: owner.namespace, name: replicaSet.name)
                    ).map(\.key))
            }
        case "StatefulSet", "DaemonSet":
            let pods = snapshot.pods(controlledBy: owner)
            oldestFirst = snapshot.controllerRevisions(ownedBy: owner).map { revision in
                WorkloadRevision(
                    number: revision.revision, name: revision.name, createdAt: revision.createdAt,
                    containers: revision.templateContainers, pods: pods.filter(revision.runs).map(\.key))
            }
        default:
            return []
        }
        oldestFirst.sort { ($0.number, $0.createdAt ?? .distantPast) < ($1.number, $1.createdAt ?? .distantPast) }
        for index in oldestFirst.indices.dropFirst() {
            let before = oldestFirst[index - 1]
            oldestFirst[index].changes = RevisionChange.between(
                before.containers, oldestFirst[index].containers, oldReplicas: before.replicas,
                newReplicas: oldestFirst[index].replicas)
        }
        if !oldestFirst.isEmpty { oldestFirst[oldestFirst.count - 1].isCurrent = true }
        return oldestFirst.reversed()
    }
}
