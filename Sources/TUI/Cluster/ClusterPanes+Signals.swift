import ClusterModel
import Foundation

extension ClusterPanes {
    public static func signals(_ rows: [SignalRow] = [], emptyMessage: String = "No signals: all quiet") -> TablePane<
        SignalRow
    > {
        TablePane(columns: signalColumns, matching: signalMatching, rows: rows, emptyMessage: emptyMessage)
    }

    /// Until the Timeline module records entries, the timeline is the observations in the order they were seen.
    public static func timeline(_ rows: [SignalRow] = []) -> TablePane<SignalRow> {
        TablePane(columns: timelineColumns, matching: signalMatching, rows: rows, emptyMessage: "Nothing recorded yet")
    }

    static let signalMatching = TablePane<SignalRow>.Matching(
        searchText: {
            "\($0.observation.kind.rawValue) \($0.subject) \($0.observation.summary) \($0.observation.severity.rawValue)"
        },
        namespace: { $0.observation.subject.namespace },
        node: { $0.observation.subject.kind == "Node" ? $0.observation.subject.name : $0.observation.evidence["node"] },
        id: { $0.observation.id }
    )

    static let severityColumn = PaneColumn<SignalRow>(
        TableColumn("SEVERITY", width: .fixed(8), priority: 3),
        cell: { TableCell($0.severityText, role: $0.observation.isActive ? $0.severityRole : .dim) },
        sortKey: { row in
            .number(Double(row.observation.severity == .critical ? 2 : row.observation.severity == .warning ? 1 : 0))
        }
    )

    static let signalColumns: [PaneColumn<SignalRow>] = [
        severityColumn,
        .text(TableColumn("SIGNAL", width: .fixed(16), priority: 0)) { $0.observation.kind.rawValue },
        .text(TableColumn("SUBJECT", width: .flex(min: 24, weight: 2), priority: 5)) { $0.subject },
        .text(TableColumn("EVIDENCE", width: .flex(min: 30, weight: 3), priority: 4)) { $0.observation.summary },
        PaneColumn(
            TableColumn("AGE", width: .fixed(5), alignment: .right, priority: 3),
            cell: { TableCell(ageText(since: $0.observation.lastSeen, now: $0.now)) },
            sortKey: { .number(-$0.observation.lastSeen.timeIntervalSince1970) }),
    ]

    static let timelineColumns: [PaneColumn<SignalRow>] = [
        PaneColumn(
            TableColumn("TIME", width: .fixed(12), priority: 4),
            cell: { TableCell(UTCClock.text(secondsSince1970: Int64($0.observation.lastSeen.timeIntervalSince1970))) },
            sortKey: { .number($0.observation.lastSeen.timeIntervalSince1970) }),
        severityColumn,
        .text(TableColumn("SUBJECT", width: .flex(min: 16, weight: 2), priority: 5)) { $0.subject },
        .text(TableColumn("ENTRY", width: .flex(min: 20, weight: 3), priority: 4)) { $0.observation.summary },
    ]

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
        .text(TableColumn("POD", width: .flex(min: 16, weight: 3), priority: 5)) { $0.container.pod },
        .text(TableColumn("CONTAINER", width: .flex(min: 9, weight: 1), priority: 3)) { $0.container.container },
        PaneColumn(
            TableColumn("1H", width: .fixed(4), alignment: .right, priority: 4),
            cell: { TableCell("\($0.restartsLastHour)", role: $0.isRestartBurst ? .severityCritical : nil) },
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
