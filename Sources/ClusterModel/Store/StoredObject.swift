/// Where each projection lives in a `ClusterSnapshot`.
public protocol StoredObject: KubeObject {
    /// The snapshot dictionary holding objects of `resource`, `nil` when this type does not represent it.
    static func storage(for resource: ResourceKind) -> WritableKeyPath<ClusterSnapshot, [ObjectKey: Self]>?
}

extension PodSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> WritableKeyPath<ClusterSnapshot, [ObjectKey: PodSummary]>?
    {
        resource == .pods ? \.pods : nil
    }
}

extension NodeSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> WritableKeyPath<
        ClusterSnapshot, [ObjectKey: NodeSummary]
    >? {
        resource == .nodes ? \.nodes : nil
    }
}

extension EventSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> WritableKeyPath<
        ClusterSnapshot, [ObjectKey: EventSummary]
    >? {
        resource == .events ? \.events : nil
    }
}

extension PDBSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> WritableKeyPath<ClusterSnapshot, [ObjectKey: PDBSummary]>?
    {
        resource == .podDisruptionBudgets ? \.podDisruptionBudgets : nil
    }
}

extension WorkloadSummary: StoredObject {
    public static func storage(for resource: ResourceKind) -> WritableKeyPath<
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
