import ClusterModel

/// What a plan touches besides its subject: pods restarted or removed, the nodes they run on, the budgets that
/// cover them.
public struct BlastRadius: Sendable, Hashable, Codable {
    /// Pods the change replaces (a rollout) or restarts.
    public var podsRestarted: [ObjectKey] = []
    /// Pods deleted (not replaced by this plan).
    public var podsRemoved: [ObjectKey] = []
    /// Replicas before and after, for a scale.
    public var replicas: ReplicaChange?
    public var nodes: [String] = []
    /// PodDisruptionBudgets whose selector matches a touched pod, with the disruptions they allow now.
    public var budgets: [BudgetImpact] = []
    public var notes: [String] = []

    public struct ReplicaChange: Sendable, Hashable, Codable {
        public var from: Int
        public var to: Int
    }

    public struct BudgetImpact: Sendable, Hashable, Codable {
        public var budget: ObjectKey
        public var disruptionsAllowed: Int
    }

    public init() {}

    /// One line per fact, for the console panel and the command line.
    public var lines: [String] {
        var lines: [String] = []
        if !podsRestarted.isEmpty {
            lines.append("pods restarted: \(podsRestarted.count) (\(Self.names(podsRestarted)))")
        }
        if !podsRemoved.isEmpty { lines.append("pods deleted: \(podsRemoved.count) (\(Self.names(podsRemoved)))") }
        if let replicas { lines.append("replicas: \(replicas.from) → \(replicas.to)") }
        if podsRestarted.isEmpty, podsRemoved.isEmpty, replicas == nil { lines.append("pods restarted: none") }
        if !nodes.isEmpty { lines.append("nodes: \(nodes.count) (\(nodes.joined(separator: ", ")))") }
        if !budgets.isEmpty {
            lines.append(
                "disruption budgets: "
                    + budgets.map { "\($0.budget) (allows \($0.disruptionsAllowed))" }.joined(separator: ", "))
        }
        return lines + notes
    }

    private static func names(_ keys: [ObjectKey]) -> String {
        let shown = keys.prefix(5).map(\.name).joined(separator: ", ")
        return keys.count > 5 ? shown + ", …" : shown
    }

    /// The pods of a workload in the store (not already terminating).
    static func pods(of workload: ObjectRef, in snapshot: ClusterSnapshot) -> [PodSummary] {
        snapshot.pods.values.filter { pod in
            pod.namespace == workload.namespace && pod.deletionTimestamp == nil
                && snapshot.owningWorkload(of: pod).map { $0.kind == workload.kind && $0.name == workload.name }
                    == true
        }.sorted { $0.name < $1.name }
    }

    /// Budgets in the pods' namespaces whose labels select any of them.
    static func budgets(covering pods: [PodSummary], in snapshot: ClusterSnapshot) -> [BudgetImpact] {
        snapshot.podDisruptionBudgets.values.filter { budget in
            !budget.matchLabels.isEmpty
                && pods.contains { pod in
                    pod.namespace == budget.namespace
                        && budget.matchLabels.allSatisfy { pod.labels[$0.key] == $0.value }
                }
        }.sorted { $0.key < $1.key }.map { BudgetImpact(budget: $0.key, disruptionsAllowed: $0.disruptionsAllowed) }
    }

    /// The radius of restarting every pod of `workload`.
    static func rollout(of workload: ObjectRef, in snapshot: ClusterSnapshot) -> BlastRadius {
        let pods = pods(of: workload, in: snapshot)
        var radius = BlastRadius()
        radius.podsRestarted = pods.map(\.key)
        radius.nodes = Array(Set(pods.compactMap(\.nodeName))).sorted()
        radius.budgets = budgets(covering: pods, in: snapshot)
        if !pods.isEmpty { radius.notes.append("a rolling update replaces the pods a few at a time") }
        return radius
    }

    /// Combines the radii of several steps.
    func merging(_ other: BlastRadius) -> BlastRadius {
        var merged = self
        merged.podsRestarted = Array(Set(podsRestarted + other.podsRestarted)).sorted()
        merged.podsRemoved = Array(Set(podsRemoved + other.podsRemoved)).sorted()
        merged.replicas = other.replicas ?? replicas
        merged.nodes = Array(Set(nodes + other.nodes)).sorted()
        merged.budgets = Array(Set(budgets + other.budgets)).sorted { $0.budget < $1.budget }
        merged.notes = notes + other.notes.filter { !notes.contains($0) }
        return merged
    }
}
