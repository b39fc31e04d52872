import Foundation

/// Polls cAdvisor through the node proxy and metrics.k8s.io, and folds the results into a `MetricsSnapshot`.
/// A source that answers 403/404/503 is reported once (in `MetricsSnapshot.unavailable` and by the return of
/// `scrape`) and left alone for `retryUnavailableAfter`, rather than failing on every round.
public actor MetricsScraper {
    private let source: any MetricsSource
    /// Nodes scraped per round at most; larger clusters are covered in rotation.
    public let nodesPerRound: Int
    public let retryUnavailableAfter: TimeInterval
    private var throttling = ThrottlingCalculator()
    private var latest: [ContainerRef: ContainerUsage] = [:]
    /// The node whose cAdvisor last reported each container.
    private var nodeOf: [ContainerRef: String] = [:]
    private var unavailableSince: [String: (Date, String)] = [:]
    private var rotation = 0

    public init(client: KubeClient, nodesPerRound: Int = 50, retryUnavailableAfter: TimeInterval = 600) {
        self.init(source: client, nodesPerRound: nodesPerRound, retryUnavailableAfter: retryUnavailableAfter)
    }

    init(source: any MetricsSource, nodesPerRound: Int, retryUnavailableAfter: TimeInterval) {
        self.source = source
        self.nodesPerRound = nodesPerRound
        self.retryUnavailableAfter = retryUnavailableAfter
    }

    /// One round over `nodes` (metrics.k8s.io limited to `namespace` when given). Returns the snapshot and the
    /// sources that became unavailable in this round.
    public func scrape(
        nodes: [String], namespace: String? = nil,
        now: Date
    ) async -> (MetricsSnapshot, newlyUnavailable: [String: String]) {
        var newly: [String: String] = [:]
        if shouldTry("cadvisor", now: now) {
            for node in pick(nodes) {
                let path = "/api/v1/nodes/\(node.pathEscaped)/proxy/metrics/cadvisor"
                do {
                    let text = try await source.getText(path: path)
                    let scrape = CadvisorScrape.parse(text, node: node, time: now)
                    forgetGone(from: node, present: scrape.containers)
                    throttling.record(scrape)
                    for (ref, counters) in scrape.containers {
                        var usage = latest[ref] ?? ContainerUsage()
                        usage.workingSetBytes = counters.workingSetBytes.map { Int64($0) }
                        usage.memoryLimitBytes = counters.memoryLimitBytes.map { Int64($0) }
                        usage.oomEvents = counters.oomEvents.map { Int($0) }
                        latest[ref] = usage
                        nodeOf[ref] = node
                    }
                    unavailableSince["cadvisor"] = nil
                } catch {
                    if let reason = Self.unavailableReason(error) {
                        if markUnavailable("cadvisor", reason: reason, now: now) { newly["cadvisor"] = reason }
                        break
                    }
                }
            }
        }
        if shouldTry("metrics.k8s.io", now: now) {
            do {
                let data = try await source.getData(
                    path: ResourceMetrics.podMetrics.collectionPath(namespace: namespace))
                for pod in try ResourceMetrics.decodePods(data) {
                    for (name, usage) in pod.containers {
                        let ref = ContainerRef(namespace: pod.namespace, pod: pod.pod, container: name)
                        var current = latest[ref] ?? ContainerUsage()
                        current.cpuUsageMillis = usage.cpuMillis
                        if current.workingSetBytes == nil { current.workingSetBytes = usage.memoryBytes }
                        latest[ref] = current
                    }
                }
                unavailableSince["metrics.k8s.io"] = nil
            } catch {
                let reason = Self.unavailableReason(error) ?? "\(error)"
                if markUnavailable("metrics.k8s.io", reason: reason, now: now) { newly["metrics.k8s.io"] = reason }
            }
        }
        for (ref, ratio) in throttling.ratios(now: now) {
            latest[ref, default: ContainerUsage()].cpuThrottleRatio = ratio
        }
        var result = snapshot()
        result.time = now
        return (result, newly)
    }

    /// Drops what cAdvisor said about containers that `node` no longer reports (deleted or moved pods), so a
    /// deleted pod's last throttling ratio or working set does not linger as if current.
    private func forgetGone(from node: String, present: [ContainerRef: CadvisorScrape.ContainerCounters]) {
        for (ref, owner) in nodeOf where owner == node && present[ref] == nil {
            nodeOf[ref] = nil
            throttling.forget(ref)
            guard var usage = latest[ref] else { continue }
            usage.workingSetBytes = nil
            usage.memoryLimitBytes = nil
            usage.oomEvents = nil
            usage.cpuThrottleRatio = nil
            latest[ref] = usage.cpuUsageMillis == nil ? nil : usage
        }
    }

    /// The latest usage without scraping.
    public func snapshot() -> MetricsSnapshot {
        MetricsSnapshot(containers: latest, unavailable: unavailableSince.mapValues { $0.1 })
    }

    private func pick(_ nodes: [String]) -> [String] {
        guard nodes.count > nodesPerRound else { return nodes }
        let sorted = nodes.sorted()
        let start = rotation % sorted.count
        rotation += nodesPerRound
        return (0..<nodesPerRound).map { sorted[(start + $0) % sorted.count] }
    }

    private func shouldTry(_ source: String, now: Date) -> Bool {
        guard let (since, _) = unavailableSince[source] else { return true }
        return now.timeIntervalSince(since) >= retryUnavailableAfter
    }

    /// Returns true when this is news (the source was not already known to be unavailable).
    private func markUnavailable(_ source: String, reason: String, now: Date) -> Bool {
        let known = unavailableSince[source] != nil
        unavailableSince[source] = (now, reason)
        return !known
    }

    static func unavailableReason(_ error: any Error) -> String? {
        guard let api = (error as? KubeClientError)?.apiError else { return nil }
        switch api.code {
        case 403: return "forbidden (403): \(api.message)"
        case 404: return "not found (404)"
        case 503: return "service unavailable (503)"
        default: return nil
        }
    }
}

extension KubeClient: MetricsSource {}
