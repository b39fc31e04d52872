import ClusterModel
import Foundation

extension ClusterPanes {
    public static func workloads(_ rows: [WorkloadRow] = []) -> TablePane<WorkloadRow> {
        TablePane(
            columns: workloadColumns,
            matching: TablePane.Matching(
                searchText: {
                    "\($0.status.owner.kind) \($0.status.owner.namespace)/\($0.status.owner.name) \($0.status.state)"
                },
                namespace: { $0.status.owner.namespace }, id: { $0.status.owner.description }
            ), rows: rows, emptyMessage: "No workloads")
    }

    private static func countColumn(
        _ title: String, priority: Int, _ value: @escaping @Sendable (WorkloadRow) -> Int?
    ) -> PaneColumn<WorkloadRow> {
        PaneColumn(
            TableColumn(title, width: .fixed(max(5, title.count)), alignment: .right, priority: priority),
            cell: { row in TableCell(WorkloadRow.count(value(row)), role: row.isShort ? .severityWarning : nil) },
            sortKey: { value($0).map { .number(Double($0)) } ?? .missing })
    }

    /// Narrow panes drop, in order: AGE, UP-TO-DATE, DESIRED, NAMESPACE, AVAIL, READY, ROLLOUT, KIND, STATE
    /// (NAME stays); at 80 columns KIND, NAMESPACE, NAME, READY, AVAIL, STATE and ROLLOUT show.
    static let workloadColumns: [PaneColumn<WorkloadRow>] = [
        .text(TableColumn("KIND", width: .fixed(11), priority: 7)) { $0.status.owner.kind },
        .text(TableColumn("NAMESPACE", width: .flex(min: 9, weight: 1), priority: 3)) { $0.status.owner.namespace },
        .text(TableColumn("NAME", width: .flex(min: 18, weight: 3), priority: 9)) { $0.status.owner.name },
        countColumn("DESIRED", priority: 2) { $0.status.desired },
        countColumn("READY", priority: 5) { $0.status.ready },
        countColumn("UP-TO-DATE", priority: 1) { $0.status.upToDate },
        countColumn("AVAIL", priority: 4) { $0.status.available },
        PaneColumn(
            TableColumn("STATE", width: .flex(min: 11, weight: 2), priority: 8),
            cell: { TableCell($0.status.state.description, role: $0.stateRole) },
            sortKey: { .text($0.status.state.description) }),
        PaneColumn(
            TableColumn("ROLLOUT", width: .fixed(7), alignment: .right, priority: 6),
            cell: { TableCell(ageText(since: $0.status.lastRollout, now: $0.now)) },
            sortKey: { $0.status.lastRollout.map { .number(-$0.timeIntervalSince1970) } ?? .missing }),
        PaneColumn(
            TableColumn("AGE", width: .fixed(5), alignment: .right, priority: 0),
            cell: { TableCell(ageText(since: $0.status.createdAt, now: $0.now)) },
            sortKey: { $0.status.createdAt.map { .number(-$0.timeIntervalSince1970) } ?? .missing }),
    ]
}
