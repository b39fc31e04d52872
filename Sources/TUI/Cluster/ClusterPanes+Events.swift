import ClusterModel
import Foundation

extension ClusterPanes {
    /// Events aggregated by object and reason, newest first: Warnings, and Normal ones on the `A` toggle.
    public static func events(_ rows: [EventRow] = []) -> TablePane<EventRow> {
        TablePane(
            columns: eventColumns,
            matching: TablePane.Matching(
                searchText: { "\($0.group.type) \($0.group.reason) \($0.objectText) \($0.group.message)" },
                namespace: { $0.group.object.namespace },
                node: { $0.group.object.kind == "Node" ? $0.group.object.name : nil }, id: { $0.group.id }
            ), rows: rows, emptyMessage: "No Warning events")
    }

    /// Narrow panes drop, in order: TYPE, COUNT, OBJECT (REASON, MESSAGE and LAST stay).
    static let eventColumns: [PaneColumn<EventRow>] = [
        PaneColumn(
            TableColumn("LAST", width: .fixed(5), alignment: .right, priority: 8),
            cell: { TableCell(ageText(since: $0.group.lastSeen, now: $0.now)) },
            sortKey: { .number(-($0.group.lastSeen?.timeIntervalSince1970 ?? 0)) }),
        PaneColumn(
            TableColumn("TYPE", width: .fixed(7), priority: 1),
            cell: { TableCell($0.group.type, role: $0.group.isWarning ? .severityWarning : .dim) },
            sortKey: { .text($0.group.type) }),
        .text(TableColumn("REASON", width: .fixed(18), priority: 7)) { $0.group.reason },
        .text(TableColumn("OBJECT", width: .flex(min: 20, weight: 2), priority: 5, truncation: .middle)) {
            $0.objectText
        },
        PaneColumn(
            TableColumn("COUNT", width: .fixed(5), alignment: .right, priority: 3),
            cell: { TableCell("\($0.group.count)") },
            sortKey: { .number(Double($0.group.count)) }),
        .text(TableColumn("MESSAGE", width: .flex(min: 20, weight: 3), priority: 6)) { $0.group.message },
    ]
}
