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
    /// Where the pod goes when the pane lists trouble first (`troubleRank(of:)`).
    public var troubleRank: Int
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
        troubleRank = PodRow.troubleRank(of: pod)
        var throttle: Double?
        var memory: Int64?
        for container in pod.containers {
            let usage = metrics.containers[
                ContainerRef(namespace: pod.namespace, pod: pod.name, container: container.name)]
            if let ratio = usage?.cpuThrottleRatio { throttle = max(throttle ?? 0, ratio) }
            let status = pod.containerStatuses.first { $0.name == container.name }
            if let bytes = usage?.workingSet(of: status) { memory = (memory ?? 0) + bytes }
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
        if pod.phase == "Running", pod.containerStatuses.contains(where: { !$0.ready }) {
            return ("Running (not ready)", .severityWarning)
        }
        return (pod.phase, pod.phase == "Pending" ? .severityWarning : nil)
    }

    /// The Pods pane's default order, trouble first: 0 failing (CrashLoopBackOff and other waiting errors, a
    /// terminated container, a Failed pod), 1 OOMKilled since it last started, 2 running but not ready, 3 Pending,
    /// 4 Terminating, 5 running and ready, 6 Succeeded.
    static func troubleRank(of pod: PodSummary) -> Int {
        if pod.deletionTimestamp != nil { return 4 }
        if pod.phase == "Failed" { return 0 }
        for container in pod.containerStatuses {
            if let reason = container.state.waitingReason, reason != "ContainerCreating", reason != "PodInitializing" {
                return 0
            }
            if let termination = container.state.termination, termination.reason != "Completed",
                pod.phase != "Succeeded"
            {
                return 0
            }
        }
        if pod.containerStatuses.contains(where: { $0.lastState.termination?.reason == "OOMKilled" }) { return 1 }
        switch pod.phase {
        case "Pending": return 3
        case "Succeeded": return 6
        case "Running" where pod.containerStatuses.contains { !$0.ready }: return 2
        default: return 5
        }
    }

    /// `rows` (in key order) with trouble first, keeping key order within each rank.
    static func troubleFirst<T>(_ items: [T], rank: (T) -> Int) -> [T] {
        var buckets: [[T]] = Array(repeating: [], count: 7)
        for item in items { buckets[min(max(0, rank(item)), 6)].append(item) }
        return buckets.flatMap { $0 }
    }

    var restartsText: String {
        guard restarts > 0, let lastRestart else { return "\(restarts)" }
        return "\(restarts) (\(ageText(since: lastRestart, now: now)))"
    }

    var memoryText: String {
        Quantities.usage(memoryBytes, of: memoryLimitBytes, format: Quantities.bytes)
    }
}
