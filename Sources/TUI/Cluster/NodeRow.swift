import ClusterModel
import Foundation

/// One line of the Nodes pane: the node, what its pods ask for and (when scraped) what they use,
/// as ClusterModel sums them.
public struct NodeRow: Sendable {
    public var node: NodeSummary
    public var totals: PodTotals
    public var usage: NodeUsage
    public var now: Date

    public init(node: NodeSummary, totals: PodTotals = .zero, usage: NodeUsage = NodeUsage(), now: Date) {
        self.node = node
        self.totals = totals
        self.usage = usage
        self.now = now
    }

    /// The row of `node` with its pods' totals and usage from `snapshot` and `metrics`.
    init(node: NodeSummary, snapshot: ClusterSnapshot, metrics: MetricsSnapshot, now: Date) {
        self.init(
            node: node, totals: snapshot.podTotals(onNode: node.name),
            usage: snapshot.usage(onNode: node.name, metrics: metrics), now: now)
    }

    /// Rows for every node, by name.
    static func rows(snapshot: ClusterSnapshot, metrics: MetricsSnapshot, now: Date) -> [NodeRow] {
        snapshot.nodes.values.sorted { $0.name < $1.name }.map {
            NodeRow(node: $0, snapshot: snapshot, metrics: metrics, now: now)
        }
    }

    /// `Ready`, `NotReady` (Ready False, or Unknown when the kubelet stopped posting status, as kubectl shows it) or
    /// `Unknown` (no Ready condition), with `,SchedulingDisabled` when cordoned.
    public var status: String {
        let readiness: String
        switch node.ready?.status {
        case .isTrue?: readiness = "Ready"
        case .isFalse?, .unknown?: readiness = "NotReady"
        case nil: readiness = "Unknown"
        }
        return node.isUnschedulable ? readiness + ",SchedulingDisabled" : readiness
    }

    var statusRole: Role? {
        node.ready?.status == .isTrue ? (node.isUnschedulable ? .severityWarning : nil) : .severityCritical
    }

    /// `Mem Disk PID` for the pressure conditions that are true; empty when none.
    public var pressure: String {
        [("Mem", node.memoryPressure), ("Disk", node.diskPressure), ("PID", node.pidPressure)]
            .filter { $0.1?.status == .isTrue }.map(\.0).joined(separator: " ")
    }

    var cpuRequestText: String {
        Quantities.usage(totals.cpuRequestMillis, of: node.allocatableCPUMillis, format: Quantities.millicores)
    }

    var memoryRequestText: String {
        Quantities.usage(totals.memoryRequestBytes, of: node.allocatableMemoryBytes, format: Quantities.bytes)
    }

    var cpuLimitText: String {
        Quantities.usage(totals.cpuLimitMillis, of: node.allocatableCPUMillis, format: Quantities.millicores)
    }

    var memoryLimitText: String {
        Quantities.usage(totals.memoryLimitBytes, of: node.allocatableMemoryBytes, format: Quantities.bytes)
    }

    var usageText: String {
        guard usage.cpuMillis != nil || usage.workingSetBytes != nil else { return "-" }
        return
            "\(usage.cpuMillis.map(Quantities.millicores) ?? "-") cpu, \(usage.workingSetBytes.map(Quantities.bytes) ?? "-")"
    }
}
