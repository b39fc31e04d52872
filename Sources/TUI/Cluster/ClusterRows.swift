import ClusterModel
import Foundation

/// The rows of every cluster pane for one `ClusterData`; built off the UI loop, then swapped in.
public struct ClusterRows: Sendable {
    public var signals: [SignalRow]
    public var nodes: [NodeRow]
    public var pods: [PodRow]
    public var restarts: [RestartRow]
    public var timeline: [SignalRow]
    /// The search text of each pods row (the biggest pane), computed here rather than on the UI loop.
    public var podSearch: [String]

    /// - Parameter prebuilt: the pod rows and their search text when already built (by a `PodRowCache`).
    public init(_ data: ClusterData, pods prebuilt: (rows: [PodRow], search: [String])? = nil) {
        let now = data.now
        signals = SignalRow.ranked(data.observations, now: now)
        nodes = NodeRow.rows(snapshot: data.snapshot, metrics: data.metrics, now: now)
        pods =
            prebuilt?.rows
            ?? data.snapshot.pods.values.sorted { $0.key < $1.key }.map {
                PodRow(pod: $0, metrics: data.metrics, thresholds: data.thresholds, now: now)
            }
        restarts = RestartRow.ranked(
            snapshot: data.snapshot, history: data.history, thresholds: data.thresholds, now: now)
        timeline = data.timeline.reversed().map { SignalRow(observation: $0, now: now) }
        podSearch = prebuilt?.search ?? ClusterPanes.pods().searchIndex(of: pods)
    }
}
