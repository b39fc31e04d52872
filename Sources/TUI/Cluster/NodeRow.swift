import ClusterModel
import Foundation

/// One line of the Nodes pane: the node, its pods' requests and (when scraped) their usage.
public struct NodeRow: Sendable {
    public var node: NodeSummary
    public var podCount: Int
    public var cpuRequestMillis: Int64
    public var memoryRequestBytes: Int64
    public var cpuUsageMillis: Int64?
    public var memoryUsageBytes: Int64?
    public var now: Date

    public init(
        node: NodeSummary, podCount: Int = 0, cpuRequestMillis: Int64 = 0, memoryRequestBytes: Int64 = 0,
        cpuUsageMillis: Int64? = nil, memoryUsageBytes: Int64? = nil, now: Date
    ) {
        self.node = node
        self.podCount = podCount
        self.cpuRequestMillis = cpuRequestMillis
        self.memoryRequestBytes = memoryRequestBytes
        self.cpuUsageMillis = cpuUsageMillis
        self.memoryUsageBytes = memoryUsageBytes
        self.now = now
    }

    /// `Ready`, `NotReady` or `Unknown`, with `,SchedulingDisabled` when cordoned.
    public var status: String {
        let readiness: String
        switch node.ready?.status {
        case .isTrue?: readiness = "Ready"
        case .isFalse?: readiness = "NotReady"
        default: readiness = "Unknown"
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
        Quantities.usage(cpuRequestMillis, of: node.allocatableCPUMillis, format: Quantities.millicores)
    }

    var memoryRequestText: String {
        Quantities.usage(memoryRequestBytes, of: node.allocatableMemoryBytes, format: Quantities.bytes)
    }

    var usageText: String {
        guard cpuUsageMillis != nil || memoryUsageBytes != nil else { return "-" }
        return
            "\(cpuUsageMillis.map(Quantities.millicores) ?? "-") cpu, \(memoryUsageBytes.map(Quantities.bytes) ?? "-")"
    }
}

extension NodeRow {
    /// Rows for every node, with requests and usage summed over the pods scheduled on it.
    static func rows(snapshot: ClusterSnapshot, metrics: MetricsSnapshot, now: Date) -> [NodeRow] {
        var rows = Dictionary(
            uniqueKeysWithValues: snapshot.nodes.values.map { ($0.name, NodeRow(node: $0, now: now)) })
        let hasMetrics = !metrics.containers.isEmpty
        for pod in snapshot.pods.values {
            guard let nodeName = pod.nodeName, var row = rows[nodeName] else { continue }
            if pod.phase == "Succeeded" || pod.phase == "Failed" { continue }
            row.podCount += 1
            for container in pod.containers {
                row.cpuRequestMillis += container.resources.cpuRequestMillis ?? 0
                row.memoryRequestBytes += container.resources.memoryRequestBytes ?? 0
                guard hasMetrics,
                    let usage = metrics.containers[
                        ContainerRef(namespace: pod.namespace, pod: pod.name, container: container.name)]
                else { continue }
                if let cpu = usage.cpuUsageMillis { row.cpuUsageMillis = (row.cpuUsageMillis ?? 0) + cpu }
                if let memory = usage.workingSetBytes { row.memoryUsageBytes = (row.memoryUsageBytes ?? 0) + memory }
            }
            rows[nodeName] = row
        }
        return rows.values.sorted { $0.node.name < $1.node.name }
    }
}
