import ClusterModel
import Foundation

extension ClusterPanes {
    public static func restarts(_ rows: [RestartRow] = []) -> TablePane<RestartRow> {
        TablePane(
            columns: restartColumns,
            matching: TablePane.Matching(
                searchText: { "\($0.container) \($0.lastReason ?? "") \($0.node ?? "")" },
                namespace: { $0.container.namespace }, node: { $0.node }, id: { $0.container.description }
            ), rows: rows, emptyMessage: "No restarts")
    }

    static let restartColumns: [PaneColumn<RestartRow>] = [
        .text(TableColumn("NAMESPACE", width: .flex(min: 9, weight: 1), priority: 1)) { $0.container.namespace },
        .text(TableColumn("POD", width: .flex(min: 16, weight: 3), priority: 5, truncation: .middle)) {
            $0.container.pod
        },
        .text(TableColumn("CONTAINER", width: .flex(min: 9, weight: 1), priority: 3)) { $0.container.container },
        PaneColumn(
            TableColumn("IN 1H", width: .fixed(9), alignment: .right, priority: 4),
            cell: { TableCell($0.lastHourText, role: $0.isRestartBurst ? .severityCritical : nil) },
            sortKey: { .number(Double($0.restartsLastHour)) }),
        PaneColumn(
            TableColumn("TOTAL", width: .fixed(5), alignment: .right, priority: 2),
            cell: { TableCell("\($0.totalRestarts)") }, sortKey: { .number(Double($0.totalRestarts)) }),
        PaneColumn(
            TableColumn("LAST REASON", width: .fixed(16), priority: 4),
            cell: { TableCell($0.lastReason ?? "-", role: $0.lastReason == "OOMKilled" ? .severityCritical : nil) },
            sortKey: { .text($0.lastReason ?? "") }),
        PaneColumn(
            TableColumn("EXIT", width: .fixed(4), alignment: .right, priority: 3),
            cell: { TableCell($0.exitCode.map { "\($0)" } ?? "-") },
            sortKey: { $0.exitCode.map { .number(Double($0)) } ?? .missing }),
        PaneColumn(
            TableColumn("LAST", width: .fixed(6), alignment: .right, priority: 2),
            cell: { TableCell(ageText(since: $0.lastRestart, now: $0.now)) },
            sortKey: { $0.lastRestart.map { .number(-$0.timeIntervalSince1970) } ?? .missing }),
    ]
}
