import ClusterModel
import Foundation

extension ClusterPanes {
    public static func signals(_ rows: [SignalRow] = [], emptyMessage: String = "No signals: all quiet") -> TablePane<
        SignalRow
    > {
        TablePane(columns: signalColumns, matching: signalMatching, rows: rows, emptyMessage: emptyMessage)
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
}
