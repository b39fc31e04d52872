import ClusterModel
import Foundation

extension ClusterPanes {
    /// Until the Timeline module records entries, the timeline is the observations in the order they were seen.
    public static func timeline(_ rows: [SignalRow] = []) -> TablePane<SignalRow> {
        TablePane(columns: timelineColumns, matching: signalMatching, rows: rows, emptyMessage: "Nothing recorded yet")
    }

    static let timelineColumns: [PaneColumn<SignalRow>] = [
        PaneColumn(
            TableColumn("TIME", width: .fixed(12), priority: 4),
            cell: { TableCell(UTCClock.text(secondsSince1970: Int64($0.observation.lastSeen.timeIntervalSince1970))) },
            sortKey: { .number($0.observation.lastSeen.timeIntervalSince1970) }),
        severityColumn,
        .text(TableColumn("SUBJECT", width: .flex(min: 16, weight: 2), priority: 5)) { $0.subject },
        .text(TableColumn("ENTRY", width: .flex(min: 20, weight: 3), priority: 4)) { $0.observation.summary },
    ]
}
