import ClusterModel
import Foundation
import Timeline

extension ClusterPanes {
    /// The current incident's journal, oldest first (newest last), as `JournalSession` follows it.
    public static func timeline(_ rows: [TimelineRow] = [], emptyMessage: String = Self.noIncidentMessage)
        -> TablePane<TimelineRow>
    {
        TablePane(columns: timelineColumns, matching: timelineMatching, rows: rows, emptyMessage: emptyMessage)
    }

    /// What the Timeline pane says when no incident is open.
    public static let noIncidentMessage = "No incident open: press I to open one and record what is seen"

    static let timelineMatching = TablePane<TimelineRow>.Matching(
        searchText: { "\($0.kindText) \($0.subjectText) \($0.entry.summary) \($0.entry.source)" },
        namespace: { $0.entry.subject?.namespace },
        node: { $0.entry.subject?.kind == "Node" ? $0.entry.subject?.name : nil },
        id: { $0.item.id.uuidString }
    )

    static let timelineColumns: [PaneColumn<TimelineRow>] = [
        PaneColumn(
            TableColumn("TIME", width: .fixed(12), priority: 4),
            cell: { TableCell(UTCClock.text($0.entry.stamp.cluster)) },
            sortKey: { .number($0.entry.stamp.cluster.timeIntervalSince1970) }),
        PaneColumn(
            TableColumn("KIND", width: .fixed(16), priority: 3),
            cell: { TableCell($0.kindText, role: $0.kindRole) },
            sortKey: { .text($0.kindText) }),
        .text(TableColumn("SUBJECT", width: .flex(min: 16, weight: 2), priority: 5, truncation: .middle)) {
            $0.subjectText
        },
        .text(TableColumn("ENTRY", width: .flex(min: 20, weight: 3), priority: 4)) { $0.text },
    ]
}
