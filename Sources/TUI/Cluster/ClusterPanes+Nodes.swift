import ClusterModel
import Foundation

extension ClusterPanes {
    public static func nodes(_ rows: [NodeRow] = []) -> TablePane<NodeRow> {
        TablePane(
            columns: nodeColumns,
            matching: TablePane.Matching(
                searchText: { "\($0.node.name) \($0.status) \($0.pressure)" },
                node: { $0.node.name }, id: { $0.node.name }
            ), rows: rows, emptyMessage: "No nodes")
    }

    static let nodeColumns: [PaneColumn<NodeRow>] = [
        .text(TableColumn("NAME", width: .flex(min: 14, weight: 2), priority: 5)) { $0.node.name },
        PaneColumn(
            TableColumn("STATUS", width: .fixed(24), priority: 4),
            cell: { TableCell($0.status, role: $0.statusRole) }, sortKey: { .text($0.status) }),
        PaneColumn(
            TableColumn("PRESSURE", width: .fixed(12), priority: 3),
            cell: { TableCell($0.pressure, role: $0.pressure.isEmpty ? nil : .severityWarning) },
            sortKey: { .text($0.pressure) }),
        PaneColumn(
            TableColumn("PODS", width: .fixed(5), alignment: .right, priority: 2),
            cell: { TableCell("\($0.totals.podCount)") }, sortKey: { .number(Double($0.totals.podCount)) }),
        PaneColumn(
            TableColumn("CPU REQ", width: .fixed(16), alignment: .right, priority: 1),
            cell: { TableCell($0.cpuRequestText) },
            sortKey: {
                .number(Double($0.totals.cpuRequestMillis) / Double(max(1, $0.node.allocatableCPUMillis ?? 1)))
            }),
        PaneColumn(
            TableColumn("MEM REQ", width: .fixed(18), alignment: .right, priority: 2),
            cell: { TableCell($0.memoryRequestText) },
            sortKey: {
                .number(Double($0.totals.memoryRequestBytes) / Double(max(1, $0.node.allocatableMemoryBytes ?? 1)))
            }),
        PaneColumn(
            TableColumn("USAGE", width: .fixed(16), alignment: .right),
            cell: { TableCell($0.usageText) },
            sortKey: { $0.usage.workingSetBytes.map { .number(Double($0)) } ?? .missing }),
        PaneColumn(
            TableColumn("AGE", width: .fixed(5), alignment: .right, priority: 1),
            cell: { TableCell(ageText(since: $0.node.createdAt, now: $0.now)) },
            sortKey: { $0.node.createdAt.map { .number(-$0.timeIntervalSince1970) } ?? .missing }),
    ]
}
