import ClusterModel
import Foundation

/// Restart counts seen per container over time, so the console can say how many restarts
/// happened in the last hour (the API only reports a running total).
public struct RestartHistory: Sendable {
    /// Oldest first; samples older than the window (but the newest such one) are dropped.
    private var samples: [ContainerRef: [(time: Date, count: Int)]] = [:]
    public var window: TimeInterval = 3_600

    public init() {}

    /// Records the restart counts of every container in `snapshot`.
    public mutating func record(_ snapshot: ClusterSnapshot, now: Date) {
        var seen = Set<ContainerRef>()
        for pod in snapshot.pods.values {
            for status in pod.containerStatuses where status.restartCount > 0 {
                let ref = ContainerRef(namespace: pod.namespace, pod: pod.name, container: status.name)
                seen.insert(ref)
                var list = samples[ref] ?? []
                if list.last?.count != status.restartCount { list.append((now, status.restartCount)) }
                while list.count > 1, list[1].time <= now.addingTimeInterval(-window) { list.removeFirst() }
                samples[ref] = list
            }
        }
        samples = samples.filter { seen.contains($0.key) }
    }

    /// Restarts within the window: the current count less the count an hour ago. A container
    /// first seen within the hour counts everything when its pod is younger than the window.
    func restartsInLastHour(of ref: ContainerRef, current: Int, podCreated: Date?, now: Date) -> Int {
        let cutoff = now.addingTimeInterval(-window)
        if let created = podCreated, created > cutoff { return current }
        guard let list = samples[ref], let first = list.first else { return 0 }
        let baseline = list.last(where: { $0.time <= cutoff })?.count ?? (first.time > cutoff ? first.count : current)
        return max(0, current - baseline)
    }
}
