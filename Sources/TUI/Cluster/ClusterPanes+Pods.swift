import ClusterModel
import Foundation

extension ClusterPanes {
    public static func pods(_ rows: [PodRow] = []) -> TablePane<PodRow> {
        TablePane(columns: podColumns, matching: podMatching, rows: rows, emptyMessage: "No pods")
    }

    static let podMatching = TablePane<PodRow>.Matching(
        searchText: { "\($0.pod.namespace)/\($0.pod.name) \($0.status) \($0.pod.nodeName ?? "")" },
        namespace: { $0.pod.namespace }, node: { $0.pod.nodeName }, id: { $0.pod.key.description })

    /// Narrow panes drop, in order: NODE, THROT, MEMORY, READY, AGE, NAMESPACE, RESTARTS, STATUS (NAME stays); at
    /// 80 columns NAMESPACE, NAME, STATUS, RESTARTS and AGE show, and from about 150 every column.
    static let podColumns: [PaneColumn<PodRow>] = [
        .text(TableColumn("NAMESPACE", width: .flex(min: 9, weight: 1), priority: 2)) { $0.pod.namespace },
        .text(TableColumn("NAME", width: .flex(min: 24, weight: 3), priority: 5, truncation: .middle)) { $0.pod.name },
        PaneColumn(
            TableColumn("READY", width: .fixed(5), alignment: .right, priority: 1),
            cell: { TableCell("\($0.readyCount)/\($0.containerCount)") },
            sortKey: { .number(Double($0.readyCount) - Double($0.containerCount)) }),
        PaneColumn(
            TableColumn("STATUS", width: .fixed(21), priority: 4),
            cell: { TableCell($0.status, role: $0.statusRole) }, sortKey: { .text($0.status) }),
        PaneColumn(
            TableColumn("RESTARTS", width: .fixed(10), alignment: .right, priority: 3),
            cell: { TableCell($0.restartsText, role: $0.restarts > 0 ? .severityWarning : nil) },
            sortKey: { .number(Double($0.restarts)) }),
        PaneColumn(
            TableColumn("THROT", width: .fixed(5), alignment: .right),
            cell: { row in
                TableCell(
                    row.throttleRatio.map(Quantities.percent) ?? "-",
                    role: row.isThrottled ? .severityWarning : nil)
            },
            sortKey: { $0.throttleRatio.map { .number($0) } ?? .missing }),
        PaneColumn(
            TableColumn("MEMORY", width: .fixed(18), alignment: .right, priority: 1),
            cell: { TableCell($0.memoryText, role: $0.isNearMemoryLimit ? .severityWarning : nil) },
            sortKey: { row in
                row.memoryRatio.map { .number($0) } ?? row.memoryBytes.map { .number(Double($0)) } ?? .missing
            }),
        .text(TableColumn("NODE", width: .flex(min: 10, weight: 1), priority: 0)) { $0.pod.nodeName ?? "" },
        PaneColumn(
            TableColumn("AGE", width: .fixed(5), alignment: .right, priority: 2),
            cell: { TableCell(ageText(since: $0.pod.createdAt, now: $0.now)) },
            sortKey: { $0.pod.createdAt.map { .number(-$0.timeIntervalSince1970) } ?? .missing }),
    ]
}
