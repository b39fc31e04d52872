import ClusterModel
import Foundation

/// The Pods pane's rows, rebuilt only for the pods whose object or metrics changed since the last build: with 150,000
/// pods, a quiet cluster costs nothing and a busy one costs its changes. A new time alone rebuilds nothing: the
/// reused rows take the new time for their ages.
struct PodRowCache {
    private var pods: [ObjectKey: PodSummary] = [:]
    private var rows: [ObjectKey: PodRow] = [:]
    private var search: [ObjectKey: String] = [:]
    private var metrics = MetricsSnapshot.empty
    private var generation: UInt64?
    private var ordered: (rows: [PodRow], search: [String]) = ([], [])
    /// How many rows the last build made anew (for tests and benchmarks).
    private(set) var rebuiltCount = 0

    /// The rows of `snapshot`'s pods, trouble first and by key within each rank, with their search text.
    mutating func rows(
        _ snapshot: ClusterSnapshot, metrics: MetricsSnapshot, thresholds: SignalThresholds, now: Date
    ) -> (rows: [PodRow], search: [String]) {
        let podsGeneration = snapshot.generation(of: .pods)
        if podsGeneration == generation, metrics == self.metrics {
            rebuiltCount = 0
            if ordered.rows.first?.now != now {
                for index in ordered.rows.indices { ordered.rows[index].now = now }
            }
            return ordered
        }
        let metricsChanged = metrics != self.metrics
        let pane = ClusterPanes.pods()
        rebuiltCount = 0
        var newRows: [ObjectKey: PodRow] = [:]
        var newSearch: [ObjectKey: String] = [:]
        newRows.reserveCapacity(snapshot.pods.count)
        newSearch.reserveCapacity(snapshot.pods.count)
        for (key, pod) in snapshot.pods {
            if pods[key] == pod, var row = rows[key], let text = search[key],
                !metricsChanged || Self.usage(of: pod, in: metrics) == Self.usage(of: pod, in: self.metrics)
            {
                row.now = now
                newRows[key] = row
                newSearch[key] = text
            } else {
                let row = PodRow(pod: pod, metrics: metrics, thresholds: thresholds, now: now)
                newRows[key] = row
                newSearch[key] = pane.searchIndex(of: [row])[0]
                rebuiltCount += 1
            }
        }
        let keys = PodRow.troubleFirst(snapshot.pods.keys.sorted()) { newRows[$0]?.troubleRank ?? 5 }
        ordered = (keys.compactMap { newRows[$0] }, keys.compactMap { newSearch[$0] })
        (pods, rows, search, self.metrics, generation) = (snapshot.pods, newRows, newSearch, metrics, podsGeneration)
        return ordered
    }

    /// What a pod's row shows of the metrics.
    private static func usage(of pod: PodSummary, in metrics: MetricsSnapshot) -> [ContainerUsage?] {
        pod.containers.map {
            metrics.containers[ContainerRef(namespace: pod.namespace, pod: pod.name, container: $0.name)]
        }
    }
}
