import ClusterModel
import Foundation

/// The Pods pane's rows, rebuilt only for the pods that changed since the last build: with 150,000 pods, a quiet
/// cluster costs nothing and a busy one costs its changes.
struct PodRowCache {
    private var pods: [ObjectKey: PodSummary] = [:]
    private var rows: [ObjectKey: PodRow] = [:]
    private var search: [ObjectKey: String] = [:]
    private var metrics = MetricsSnapshot.empty
    private var generation: UInt64?
    private var builtAt: Date?
    private var ordered: (rows: [PodRow], search: [String]) = ([], [])
    /// How many rows the last build made anew (for tests and benchmarks).
    private(set) var rebuiltCount = 0

    /// The rows of `snapshot`'s pods in key order, with their search text; rows whose pod, the metrics and the time
    /// are unchanged are reused.
    mutating func rows(
        _ snapshot: ClusterSnapshot, metrics: MetricsSnapshot, now: Date
    ) -> (rows: [PodRow], search: [String]) {
        let podsGeneration = snapshot.generation(of: .pods)
        if podsGeneration == generation, metrics == self.metrics, now == builtAt { return ordered }
        let everything = metrics != self.metrics || now != builtAt
        let pane = ClusterPanes.pods()
        rebuiltCount = 0
        var newRows: [ObjectKey: PodRow] = [:]
        var newSearch: [ObjectKey: String] = [:]
        newRows.reserveCapacity(snapshot.pods.count)
        newSearch.reserveCapacity(snapshot.pods.count)
        for (key, pod) in snapshot.pods {
            if !everything, pods[key] == pod, let row = rows[key], let text = search[key] {
                newRows[key] = row
                newSearch[key] = text
            } else {
                let row = PodRow(pod: pod, metrics: metrics, now: now)
                newRows[key] = row
                newSearch[key] = pane.searchIndex(of: [row])[0]
                rebuiltCount += 1
            }
        }
        let keys = snapshot.pods.keys.sorted()
        ordered = (keys.compactMap { newRows[$0] }, keys.compactMap { newSearch[$0] })
        (pods, rows, search, self.metrics, generation, builtAt) = (
            snapshot.pods, newRows, newSearch, metrics, podsGeneration, now
        )
        return ordered
    }
}
