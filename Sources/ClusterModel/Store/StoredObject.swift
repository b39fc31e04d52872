/// Where each projection lives in a `ClusterSnapshot`.
public protocol StoredObject: KubeObject {
    /// The snapshot dictionary holding objects of `resource`, `nil` when this type does not represent it. Read-only:
    /// the store changes it through `ClusterSnapshot`'s mutations, which keep the indexes.
    static func storage(for resource: ResourceKind) -> KeyPath<ClusterSnapshot, [ObjectKey: Self]>?
}

extension PodSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<ClusterSnapshot, [ObjectKey: PodSummary]>? {
        resource == .pods ? \.pods : nil
    }
}

extension NodeSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<
        ClusterSnapshot, [ObjectKey: NodeSummary]
    >? {
        resource == .nodes ? \.nodes : nil
    }
}

extension EventSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<
        ClusterSnapshot, [ObjectKey: EventSummary]
    >? {
        resource == .events ? \.events : nil
    }
}

extension PDBSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<ClusterSnapshot, [ObjectKey: PDBSummary]>? {
        resource == .podDisruptionBudgets ? \.podDisruptionBudgets : nil
    }
}

extension WorkloadSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<
        ClusterSnapshot, [ObjectKey: WorkloadSummary]
    >? {
        switch resource {
        case .deployments: return \.deployments
        case .replicaSets: return \.replicaSets
        case .statefulSets: return \.statefulSets
        case .daemonSets: return \.daemonSets
        default: return nil
        }
    }
}

extension JobSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<ClusterSnapshot, [ObjectKey: JobSummary]>? {
        resource == .jobs ? \.jobs : nil
    }
}

extension CronJobSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<ClusterSnapshot, [ObjectKey: CronJobSummary]>? {
        resource == .cronJobs ? \.cronJobs : nil
    }
}

extension RevisionSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> KeyPath<ClusterSnapshot, [ObjectKey: RevisionSummary]>? {
        resource == .controllerRevisions ? \.controllerRevisions : nil
    }
}
