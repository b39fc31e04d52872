import ClusterModel
import Foundation

/// One line of the Pods pane: the pod plus what the console derived for it.
public struct PodRow: Sendable {
    public var pod: PodSummary
    /// Containers ready / total.
    public var readyCount: Int
    public var containerCount: Int
    /// What `kubectl get pods` would show, except that a restarted container's OOMKilled
    /// stays visible as `Running (OOMKilled)` until it terminates for another reason.
    public var status: String
    public var statusRole: Role?
    public var restarts: Int
    /// When the last restart's previous container ended.
    public var lastRestart: Date?
    /// Highest CPU throttling ratio of any container.
    public var throttleRatio: Double?
    /// Whether `throttleRatio` is at the signal rules' throttling threshold.
    public var isThrottled: Bool
    public var memoryBytes: Int64?
    public var memoryLimitBytes: Int64?
    /// Working set / memory limit, when both are known.
    public var memoryRatio: Double?
    /// Whether `memoryRatio` is at the signal rules' near-the-limit threshold.
    public var isNearMemoryLimit: Bool
    public var now: Date

    public init(
        pod: PodSummary, metrics: MetricsSnapshot = .empty, thresholds: SignalThresholds = SignalThresholds(),
        now: Date
    ) {
        self.pod = pod
        self.now = now
        containerCount = max(pod.containers.count, pod.containerStatuses.count)
        readyCount = pod.containerStatuses.filter(\.ready).count
        restarts = pod.containerStatuses.reduce(0) { $0 + $1.restartCount }
        lastRestart = pod.containerStatuses.compactMap { $0.lastState.termination?.finishedAt }.max()
        (status, statusRole) = PodRow.status(of: pod)
        var throttle: Double?
        var memory: Int64?
        for container in pod.containers {
            let usage = metrics.containers[
                ContainerRef(namespace: pod.namespace, pod: pod.name, container: container.name)]
            if let ratio = usage?.cpuThrottleRatio { throttle = max(throttle ?? 0, ratio) }
            if let bytes = usage?.workingSetBytes { memory = (memory ?? 0) + bytes }
        }
        throttleRatio = throttle
        memoryBytes = memory
        let limits = pod.containers.map(\.resources.memoryLimitBytes)
        let limit = limits.isEmpty || limits.contains(nil) ? nil : limits.reduce(0) { $0 + ($1 ?? 0) }
        memoryLimitBytes = limit
        if let memory, let limit, limit > 0 {
            memoryRatio = Double(memory) / Double(limit)
        } else {
            memoryRatio = nil
        }
        isThrottled = throttle.map(thresholds.isThrottled) ?? false
        isNearMemoryLimit = memoryRatio.map(thresholds.isNearMemoryLimit) ?? false
    }

    /// The pod's status text and colour.
    static func status(of pod: PodSummary) -> (String, Role?) {
        if pod.deletionTimestamp != nil { return ("Terminating", .severityWarning) }
        if let reason = pod.reason, pod.phase == "Failed" { return (reason, .severityCritical) }
        for container in pod.containerStatuses {
            if let reason = container.state.waitingReason, reason != "ContainerCreating", reason != "PodInitializing" {
                let last = container.lastState.termination?.reason
                let text = last == "OOMKilled" && reason == "CrashLoopBackOff" ? "CrashLoop (OOMKilled)" : reason
                return (text, .severityCritical)
            }
            if let termination = container.state.termination {
                return (termination.reason ?? "Terminated", termination.reason == "Completed" ? nil : .severityCritical)
            }
        }
        if pod.containerStatuses.contains(where: { $0.lastState.termination?.reason == "OOMKilled" }) {
            return ("\(pod.phase) (OOMKilled)", .severityWarning)
        }
        if let waiting = pod.containerStatuses.lazy.compactMap(\.state.waitingReason).first {
            return (waiting, nil)
        }
        return (pod.phase, pod.phase == "Pending" ? .severityWarning : nil)
    }

    var restartsText: String {
        guard restarts > 0, let lastRestart else { return "\(restarts)" }
        return "\(restarts) (\(ageText(since: lastRestart, now: now)))"
    }

    var memoryText: String {
        Quantities.usage(memoryBytes, of: memoryLimitBytes, format: Quantities.bytes)
    }
}
