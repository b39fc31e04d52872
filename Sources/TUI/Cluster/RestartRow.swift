import ClusterModel
import Foundation

/// One line of the Restarts pane: a container and how often it restarted in the last hour.
public struct RestartRow: Sendable {
    public var container: ContainerRef
    public var node: String?
    /// Restarts within the signal rules' restart history window (an hour).
    public var restartsLastHour: Int
    /// Whether `restartsLastHour` reaches the signal rules' restart-burst count.
    public var isRestartBurst: Bool
    public var totalRestarts: Int
    public var lastReason: String?
    public var exitCode: Int32?
    public var lastRestart: Date?
    public var now: Date

    public init(
        container: ContainerRef, node: String? = nil, restartsLastHour: Int, isRestartBurst: Bool = false,
        totalRestarts: Int, lastReason: String? = nil, exitCode: Int32? = nil, lastRestart: Date? = nil, now: Date
    ) {
        self.container = container
        self.node = node
        self.restartsLastHour = restartsLastHour
        self.isRestartBurst = isRestartBurst
        self.totalRestarts = totalRestarts
        self.lastReason = lastReason
        self.exitCode = exitCode
        self.lastRestart = lastRestart
        self.now = now
    }

    /// Containers that restarted, ranked by restarts in the last hour, then in total.
    static func ranked(
        snapshot: ClusterSnapshot, history: SignalHistory, thresholds: SignalThresholds, now: Date
    ) -> [RestartRow] {
        var rows: [RestartRow] = []
        for pod in snapshot.pods.values {
            for status in pod.containerStatuses where status.restartCount > 0 {
                let ref = ContainerRef(namespace: pod.namespace, pod: pod.name, container: status.name)
                let termination = status.lastState.termination
                let recent = history.restarts(
                    of: ref, currentCount: status.restartCount, podCreated: pod.createdAt,
                    within: thresholds.restartHistoryWindow, now: now)
                rows.append(
                    RestartRow(
                        container: ref, node: pod.nodeName, restartsLastHour: recent,
                        isRestartBurst: thresholds.isRestartBurst(recent), totalRestarts: status.restartCount,
                        lastReason: termination?.reason,
                        exitCode: termination?.exitCode, lastRestart: termination?.finishedAt, now: now))
            }
        }
        return rows.sorted { left, right in
            if left.restartsLastHour != right.restartsLastHour { return left.restartsLastHour > right.restartsLastHour }
            if left.totalRestarts != right.totalRestarts { return left.totalRestarts > right.totalRestarts }
            return left.container < right.container
        }
    }
}
