import Foundation
import Logging

/// One live view of a cluster: a reflector per watched resource feeding a `ClusterStore`, a metrics scraper,
/// and signal detection, with streams of connection-state changes and new observations.
///
/// Create it, call `start()`, consume `states` and `observations` (single consumer each), and `stop()` at the end.
public actor ClusterConnection {
    public let endpoint: ClusterEndpoint
    public let client: KubeClient
    /// The live view, updated by the reflectors.
    public let store = ClusterStore()
    /// Connection-state changes.
    public nonisolated let states: AsyncStream<ConnectionState>
    /// Observations that are new, or whose count grew or became active again.
    public nonisolated let observations: AsyncStream<Observation>
    public let namespace: String?
    public let thresholds: SignalThresholds
    public let metricsInterval: Duration
    /// The time signals and metrics are evaluated at (a simulator's clock in tests and demos).
    private let now: @Sendable () -> Date
    private let stateContinuation: AsyncStream<ConnectionState>.Continuation
    private let observationContinuation: AsyncStream<Observation>.Continuation
    private let scraper: MetricsScraper
    private let logger: Logger
    private var tasks: [Task<Void, Never>] = []
    /// Eight reflectors retry independently; report one `reconnecting` per few seconds.
    private let reconnectThrottle = ReportThrottle(interval: 5)
    private var history = SignalHistory()
    private var metrics = MetricsSnapshot.empty
    private var lastSnapshot: ClusterSnapshot?
    private var current: [Observation] = []
    /// Signals wait for every resource's first list (a half-listed cluster shows false findings, such as replicas
    /// below desired before the pods arrive), but no longer than `firstListGrace`.
    private var firstListsDone = false
    private var startedAt = ContinuousClock.now
    private let firstListGrace: Duration

    /// - Parameters:
    ///   - namespace: scope namespaced resources to one namespace; `nil` watches all namespaces.
    ///   - metricsInterval: how often to scrape cAdvisor and metrics.k8s.io; `nil` disables metrics.
    ///   - now: the clock for signal windows and metric samples.
    ///   - firstListGrace: how long signals wait for a resource that cannot be listed before judging without it.
    public init(
        endpoint: ClusterEndpoint, namespace: String? = nil, thresholds: SignalThresholds = SignalThresholds(),
        metricsInterval: Duration? = .seconds(30), now: @escaping @Sendable () -> Date = Date.init,
        firstListGrace: Duration = .seconds(15),
        logger: Logger = Logger(label: "firebreak.cluster")
    ) throws(KubeClientError) {
        self.firstListGrace = firstListGrace
        self.endpoint = endpoint
        self.client = try KubeClient(endpoint: endpoint)
        self.namespace = namespace
        self.thresholds = thresholds
        self.metricsInterval = metricsInterval ?? .zero
        self.now = now
        self.logger = logger
        self.scraper = MetricsScraper(client: client)
        (states, stateContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
        (observations, observationContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1024))
    }

    /// Starts the reflectors, the scraper and signal detection.
    public func start() {
        guard tasks.isEmpty else { return }
        startedAt = .now
        startReflector(NodeSummary.self, .nodes)
        startReflector(PodSummary.self, .pods)
        startReflector(EventSummary.self, .events)
        for kind in [ResourceKind.deployments, .replicaSets, .statefulSets, .daemonSets] {
            startReflector(WorkloadSummary.self, kind)
        }
        startReflector(PDBSummary.self, .podDisruptionBudgets)
        tasks.append(Task { await self.followStore() })
        tasks.append(Task { await self.tickLoop() })
        if metricsInterval > .zero {
            tasks.append(Task { await self.scrapeLoop() })
        }
    }

    /// Stops every task and closes the connection pool and the streams.
    public func stop() async {
        tasks.forEach { $0.cancel() }
        tasks.removeAll()
        stateContinuation.finish()
        observationContinuation.finish()
        try? await client.shutdown()
    }

    /// The observations as of the last evaluation.
    public func currentObservations() -> [Observation] { current }

    /// The latest metrics.
    public func currentMetrics() -> MetricsSnapshot { metrics }

    /// What the signal rules remember as of the last evaluation (restart counts over time among it).
    public func signalHistory() -> SignalHistory { history }

    private func startReflector<T: StoredObject>(_ type: T.Type, _ resource: ResourceKind) {
        let continuation = stateContinuation
        let logger = logger
        let throttle = reconnectThrottle
        let reflector = Reflector(
            type, resource: resource, client: client, store: store,
            namespace: resource.isNamespaced ? namespace : nil
        ) { action in
            switch action {
            case .scheduleRetry(let delay):
                if throttle.shouldReport() { continuation.yield(.reconnecting(in: delay)) }
                logger.info("\(resource.plural): retrying in \(delay)")
            case .markStale(let reason):
                logger.warning("\(resource.plural): \(reason)")
            case .markUnavailable(let reason):
                logger.notice("\(resource.plural) unavailable: \(reason)")
            default:
                break
            }
        }
        tasks.append(Task { await reflector.run() })
    }

    /// Turns store changes into connection states and re-evaluates signals (at most once a second).
    private func followStore() async {
        var wasStale = false
        var announcedConnected = false
        for await _ in await store.changes() {
            let snapshot = await store.snapshot()
            let health = snapshot.health
            if let since = health.staleSince, !wasStale {
                wasStale = true
                stateContinuation.yield(.stale(since: since))
            } else if health.staleSince == nil, wasStale {
                wasStale = false
                stateContinuation.yield(.reconnected)
            }
            let settled = health.syncedResources.union(health.unavailableResources.keys)
            if settled.count == ResourceKind.watched.count { firstListsDone = true }
            if !announcedConnected, firstListsDone, !wasStale {
                announcedConnected = true
                stateContinuation.yield(.connected)
            }
            evaluate(snapshot, now: now())
            try? await Task.sleep(for: .seconds(1))
            if Task.isCancelled { return }
        }
    }

    /// Re-evaluates signals periodically: time-based rules (pending, held throttling) fire without store changes.
    private func tickLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(5))
            if Task.isCancelled { return }
            evaluate(await store.snapshot(), now: now())
        }
    }

    private func scrapeLoop() async {
        while !Task.isCancelled {
            let nodes = await store.snapshot().nodes.values.filter { $0.ready?.status == .isTrue }.map(\.name)
            let (snapshot, newly) = await scraper.scrape(nodes: nodes, namespace: namespace, now: now())
            // A scrape cut short by stop() fails on the closed client: that is not a missing metrics source.
            if Task.isCancelled { return }
            metrics = snapshot
            for (source, reason) in newly.sorted(by: { $0.key < $1.key }) {
                logger.notice("metrics unavailable from \(source): \(reason)")
            }
            try? await Task.sleep(for: metricsInterval)
        }
    }

    private func evaluate(_ snapshot: ClusterSnapshot, now: Date) {
        guard firstListsDone || ContinuousClock.now - startedAt >= firstListGrace else { return }
        let result = SignalRules.evaluate(
            previous: lastSnapshot, current: snapshot, metrics: metrics,
            history: history, now: now, thresholds: thresholds)
        let before = Dictionary(current.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for observation in result.observations where observation.isActive {
            if let old = before[observation.id], old.isActive, old.count >= observation.count { continue }
            observationContinuation.yield(observation)
        }
        history = result.history
        current = result.observations
        lastSnapshot = snapshot
    }
}
