import Foundation

extension SignalHistory {
    /// Samples every container's restart count at `now` (a sample only when the count changed) and forgets
    /// containers that are gone. A container seen for the first time is seeded with its count in `previous`,
    /// so restarts between two snapshots count; a count that went down (the pod was recreated) starts over.
    mutating func recordRestarts(
        previous: ClusterSnapshot?, current: ClusterSnapshot, now: Date, keeping window: TimeInterval
    ) {
        var live: [ContainerRef: [RestartSample]] = [:]
        live.reserveCapacity(restartSamples.count)
        let windowStart = now.addingTimeInterval(-window)
        for pod in current.pods.values {
            for status in pod.containerStatuses {
                let ref = ContainerRef(namespace: pod.namespace, pod: pod.name, container: status.name)
                var samples = restartSamples[ref] ?? []
                if samples.isEmpty,
                    let previousCount = previous?.pods[pod.key]?.containerStatuses.first(where: {
                        $0.name == status.name
                    })?.restartCount,
                    previousCount <= status.restartCount
                {
                    samples.append(RestartSample(time: now, count: previousCount))
                }
                if let last = samples.last, last.count > status.restartCount { samples.removeAll() }
                if samples.last?.count != status.restartCount {
                    samples.append(RestartSample(time: now, count: status.restartCount))
                }
                if let keepFrom = samples.lastIndex(where: { $0.time <= windowStart }) {
                    samples.removeFirst(keepFrom)
                }
                live[ref] = samples
            }
        }
        restartSamples = live
    }

    /// How many times a container restarted within `window` before `now`: its current count less the count
    /// last sampled at or before the window's start (or the first sample, when sampling began inside the window).
    /// When its pod was created inside the window, every restart counts.
    public func restarts(
        of ref: ContainerRef, currentCount: Int, podCreated: Date?, within window: TimeInterval, now: Date
    ) -> Int {
        let windowStart = now.addingTimeInterval(-window)
        if let podCreated, podCreated > windowStart { return currentCount }
        guard let samples = restartSamples[ref], let first = samples.first else { return 0 }
        let baseline = samples.last(where: { $0.time <= windowStart }) ?? first
        return max(0, currentCount - baseline.count)
    }

    /// When the count `restarts(of:…)` gives starts later than the window: the first sample's time, when sampling
    /// began inside the window for a pod created before it (restarts before that moment are unknown, so the count
    /// covers only the time since, usually since the console started). Nil when the count covers the whole window.
    public func restartCountStart(
        of ref: ContainerRef, podCreated: Date?, within window: TimeInterval, now: Date
    ) -> Date? {
        let windowStart = now.addingTimeInterval(-window)
        if let podCreated, podCreated > windowStart { return nil }
        guard let first = restartSamples[ref]?.first, first.time > windowStart else { return nil }
        return first.time
    }
}
