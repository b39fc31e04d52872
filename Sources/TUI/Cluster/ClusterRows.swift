import ClusterModel
import Foundation

/// The rows of every cluster pane for one `ClusterData`; built off the UI loop, then swapped in.
public struct ClusterRows: Sendable {
    /// The observations grouped by kind and top controller, most severe first.
    public var signalGroups: [SignalGroup]
    public var nodes: [NodeRow]
    public var pods: [PodRow]
    public var restarts: [RestartRow]
    public var workloads: [WorkloadRow]
    /// Every event group, Normal ones included (the Events pane shows them on a toggle).
    public var events: [EventRow]
    /// The search text of each pods row (the biggest pane), computed here rather than on the UI loop.
    public var podSearch: [String]
    /// The pods rows' order under the Pods pane's query when it was known (filtered and sorted here rather than on the
    /// UI loop).
    public var podOrder: (query: PaneQuery, order: [Int])?

    /// - Parameters:
    ///   - prebuilt: the pod rows and their search text when already built (by a `PodRowCache`).
    ///   - podsQuery: the Pods pane's query, to order its rows here.
    public init(
        _ data: ClusterData, pods prebuilt: (rows: [PodRow], search: [String])? = nil, podsQuery: PaneQuery? = nil
    ) {
        let now = data.now
        signalGroups = SignalGroup.grouping(
            data.observations, snapshot: data.snapshot, now: now, thresholds: data.thresholds)
        nodes = NodeRow.rows(snapshot: data.snapshot, metrics: data.metrics, now: now)
        pods =
            prebuilt?.rows
            ?? PodRow.troubleFirst(
                data.snapshot.pods.values.sorted { $0.key < $1.key }.map {
                    PodRow(pod: $0, metrics: data.metrics, thresholds: data.thresholds, now: now)
                }, rank: \.troubleRank)
        restarts = RestartRow.ranked(
            snapshot: data.snapshot, history: data.history, thresholds: data.thresholds, now: now)
        workloads = WorkloadRow.rows(snapshot: data.snapshot, now: now)
        events = EventRow.rows(data.snapshot.events.values, includeNormal: true, now: now)
        podSearch = prebuilt?.search ?? ClusterPanes.pods().searchIndex(of: pods)
        if let podsQuery {
            var pane = ClusterPanes.pods()
            pane.replaceRows(pods, searchIndex: podSearch, order: Array(pods.indices))
            podOrder = (podsQuery, pane.order(for: podsQuery))
        }
    }

    /// These rows at `data`'s time, for data whose objects, metrics and observations did not change: rows that show
    /// ages take the new time, the restart counts move their window, the pod rows are the cache's.
    func retimed(_ data: ClusterData, pods prebuilt: (rows: [PodRow], search: [String])) -> ClusterRows {
        var rows = self
        let now = data.now
        rows.nodes = Self.retimed(nodes, \.now, now)
        rows.workloads = Self.retimed(workloads, \.now, now)
        rows.events = Self.retimed(events, \.now, now)
        rows.restarts = RestartRow.ranked(
            snapshot: data.snapshot, history: data.history, thresholds: data.thresholds, now: now)
        rows.pods = prebuilt.rows
        rows.podSearch = prebuilt.search
        return rows
    }

    private static func retimed<Row>(_ rows: [Row], _ time: WritableKeyPath<Row, Date>, _ now: Date) -> [Row] {
        rows.map { row in
            var row = row
            row[keyPath: time] = now
            return row
        }
    }
}
