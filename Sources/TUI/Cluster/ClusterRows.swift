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

    public init(_ data: ClusterData) {
        let now = data.now
        signals = SignalRow.ranked(data.observations, now: now)
        nodes = NodeRow.rows(snapshot: data.snapshot, metrics: data.metrics, now: now)
        pods = data.snapshot.pods.values.sorted { $0.key < $1.key }.map {
            PodRow(pod: $0, metrics: data.metrics, thresholds: data.thresholds, now: now)
        }
        restarts = RestartRow.ranked(
            snapshot: data.snapshot, history: data.history, thresholds: data.thresholds, now: now)
        timeline = data.timeline.reversed().map { SignalRow(observation: $0, now: now) }
        podSearch = ClusterPanes.pods().searchIndex(of: pods)
    }
}
