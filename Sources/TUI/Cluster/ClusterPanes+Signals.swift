import ClusterModel
import Foundation

extension ClusterPanes {
    public static func signals(_ rows: [SignalRow] = [], emptyMessage: String = "No signals: all quiet") -> TablePane<
        SignalRow
    > {
        TablePane(columns: signalColumns, matching: signalMatching, rows: rows, emptyMessage: emptyMessage)
    }

    static let signalMatching = TablePane<SignalRow>.Matching(
        searchText: { "\($0.observation.kind.title) \($0.subject) \($0.evidence) \($0.observation.severity.title)" },
        namespace: { $0.observation.subject.namespace },
        node: { $0.observation.subject.kind == "Node" ? $0.observation.subject.name : $0.observation.evidence["node"] },
        id: { row in row.member.map { row.group.id + "|" + $0.id } ?? row.group.id }
    )

    static let severityColumn = PaneColumn<SignalRow>(
        TableColumn("SEVERITY", width: .fixed(8), priority: 3),
        cell: { TableCell($0.observation.severity.title, role: $0.severityRole) },
        sortKey: { row in
            .number(Double(row.observation.severity == .critical ? 2 : row.observation.severity == .warning ? 1 : 0))
        }
    )

    /// Narrow panes drop, in order: SIGNAL, SEVERITY, AGE (SUBJECT and EVIDENCE stay).
    static let signalColumns: [PaneColumn<SignalRow>] = [
        severityColumn,
        .text(TableColumn("SIGNAL", width: .fixed(17), priority: 0)) { $0.observation.kind.title },
        .text(TableColumn("SUBJECT", width: .flex(min: 24, weight: 2), priority: 5, truncation: .middle)) {
            $0.subject
        },
        .text(TableColumn("EVIDENCE", width: .flex(min: 30, weight: 3), priority: 4)) { $0.evidence },
        PaneColumn(
            TableColumn("AGE", width: .fixed(5), alignment: .right, priority: 3),
            cell: { TableCell(ageText(since: $0.lastSeen, now: $0.now)) },
            sortKey: { .number(-$0.lastSeen.timeIntervalSince1970) }),
    ]
}
