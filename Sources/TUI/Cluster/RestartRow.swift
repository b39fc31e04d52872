import ClusterModel
import Foundation

/// One line of the Restarts pane: a container and how often it restarted in the last hour.
public struct RestartRow: Sendable {
    public var container: ContainerRef
    public var node: String?
    /// Restarts within the signal rules' restart history window (an hour).
    public var restartsLastHour: Int
    /// When `restartsLastHour` counts only from a later moment than an hour ago (restarts before were not seen,
    /// usually because the console started since); nil when it covers the hour.
    public var countSince: Date?
    /// Whether `restartsLastHour` reaches the signal rules' restart-burst count.
    public var isRestartBurst: Bool
    public var totalRestarts: Int
    public var lastReason: String?
    public var exitCode: Int32?
    public var lastRestart: Date?
    public var now: Date

    public init(
        container: ContainerRef, node: String? = nil, restartsLastHour: Int, countSince: Date? = nil,
        isRestartBurst: Bool = false,
        totalRestarts: Int, lastReason: String? = nil, exitCode: Int32? = nil, lastRestart: Date? = nil, now: Date
    ) {
        self.container = container
        self.node = node
        self.restartsLastHour = restartsLastHour
        self.countSince = countSince
        self.isRestartBurst = isRestartBurst
        self.totalRestarts = totalRestarts
        self.lastReason = lastReason
        self.exitCode = exitCode
        self.lastRestart = lastRestart
        self.now = now
    }

    /// `3`, or `2 in 4m` when the count covers only the last four minutes (see `countSince`).
    var lastHourText: String {
        guard let countSince else { return "\(restartsLastHour)" }
        return "\(restartsLastHour) in \(ageText(since: countSince, now: now))"
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
                let since = history.restartCountStart(
                    of: ref, podCreated: pod.createdAt, within: thresholds.restartHistoryWindow, now: now)
                rows.append(
                    RestartRow(
                        container: ref, node: pod.nodeName, restartsLastHour: recent, countSince: since,
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
