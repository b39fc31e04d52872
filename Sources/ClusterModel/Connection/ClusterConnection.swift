import Foundation
import Logging

/// One live view of a cluster: a reflector per watched resource feeding a `ClusterStore`, a metrics scraper,
/// signal detection and the cluster's clock, publishing connection states and new observations to any number of
/// subscribers (the console, `firebreak signals --follow`, the journal).
///
/// Create it, subscribe, call `start()`, and `stop()` at the end.
public actor ClusterConnection {
    public let endpoint: ClusterEndpoint
    public let client: KubeClient
    /// The live view, updated by the reflectors.
    public let store = ClusterStore()
    public let namespace: String?
    public nonisolated let thresholds: SignalThresholds
    public let metricsInterval: Duration
    /// The time signals and metrics are evaluated at: the API server's, or a simulator's handed in.
    public nonisolated let clock: ClusterClock
    private let states = Broadcast<ConnectionState>(buffer: 64, replaysLatest: true)
    private let observations = Broadcast<[Observation]>(buffer: 256)
    private let metricsScrapes = Broadcast<MetricsSnapshot>(buffer: 1)
    private let scraper: MetricsScraper
    private let logger: Logger
    private var tasks: [Task<Void, Never>] = []
    /// The reflectors retry independently; report one `reconnecting` per few seconds.
    private let reconnectThrottle = ReportThrottle(interval: 5)
    private var history = SignalHistory()
    private var metrics = MetricsSnapshot.empty
    /// Bumped by each scrape, so the periodic evaluation can tell that nothing changed.
    private var metricsGeneration: UInt64 = 0
    /// What the last evaluation saw: the store's generation, the metrics' generation and the cluster's time.
    private var lastEvaluated: (store: UInt64, metrics: UInt64, now: Date)?
    private var lastSnapshot: ClusterSnapshot?
    private var current: [Observation] = []
    private var hasEvaluated = false
    /// Signals wait for every resource's first list (a half-listed cluster shows false findings, such as replicas
    /// below desired before the pods arrive), but no longer than `firstListGrace`.
    private var firstListsDone = false
    private var startedAt = ContinuousClock.now
    private let firstListGrace: Duration

    /// - Parameters:
    ///   - namespace: scope namespaced resources to one namespace; `nil` watches all namespaces.
    ///   - metricsInterval: how often to scrape cAdvisor and metrics.k8s.io; `nil` disables metrics.
    ///   - clock: the cluster's clock; by default the API server's time, learnt from its responses.
    ///   - firstListGrace: how long signals wait for a resource that cannot be listed before judging without it.
    public init(
        endpoint: ClusterEndpoint, namespace: String? = nil, thresholds: SignalThresholds = SignalThresholds(),
        metricsInterval: Duration? = .seconds(30), clock: ClusterClock = ClusterClock(),
        firstListGrace: Duration = .seconds(15),
        logger: Logger = Logger(label: "firebreak.cluster")
    ) throws(KubeClientError) {
        self.firstListGrace = firstListGrace
        self.endpoint = endpoint
        self.clock = clock
        self.client = try KubeClient(endpoint: endpoint, clock: clock)
        self.namespace = namespace
        self.thresholds = thresholds
        self.metricsInterval = metricsInterval ?? .zero
        self.logger = logger
        self.scraper = MetricsScraper(client: client)
    }

    /// Connection-state changes from now on, starting with the latest one.
    public nonisolated func stateUpdates() -> AsyncStream<ConnectionState> { states.subscribe() }

    /// Each new metrics scrape, from now on.
    public nonisolated func metricsUpdates() -> AsyncStream<MetricsSnapshot> { metricsScrapes.subscribe() }

    /// Observations that are new, or whose count grew or became active again, one batch per evaluation, from now on.
    /// The first batch after the first lists holds every active observation.
    public nonisolated func observationUpdates() -> AsyncStream<[Observation]> { observations.subscribe() }

    /// Starts the reflectors, the scraper and signal detection.
    public func start() {
        guard tasks.isEmpty else { return }
        startedAt = .now
        for resource in ResourceKind.watched { startReflector(for: resource) }
        tasks.append(Task { await self.followStore() })
        tasks.append(Task { await self.tickLoop() })
        if metricsInterval > .zero {
            tasks.append(Task { await self.scrapeLoop() })
        }
        if clock.followsServerHeaders {
            tasks.append(Task { await self.probeClock() })
        }
    }

    /// Stops every task and closes the connection pool and the streams.
    public func stop() async {
        tasks.forEach { $0.cancel() }
        tasks.removeAll()
        states.finish()
        observations.finish()
        metricsScrapes.finish()
        try? await client.shutdown()
    }

    /// The observations as of the last evaluation.
    public func currentObservations() -> [Observation] { current }

    /// The latest metrics.
    public func currentMetrics() -> MetricsSnapshot { metrics }

    /// The store, the observations and the metrics as of one moment, with the cluster's time.
    public func view() async -> ClusterView {
        ClusterView(
            snapshot: await store.snapshot(), observations: current, history: history, metrics: metrics,
            metricsGeneration: metricsGeneration, now: clock.now())
    }

    /// Evaluates the signals now (publishing what is new) and returns the current observations.
    public func evaluateNow() async -> [Observation] {
        evaluate(await store.snapshot(), now: clock.now())
        return current
    }

    /// Starts the reflector of one of `ResourceKind.watched`, with the projection it is stored as.
    private func startReflector(for resource: ResourceKind) {
        switch resource {
        case .nodes: startReflector(NodeSummary.self, resource)
        case .pods: startReflector(PodSummary.self, resource)
        case .events: startReflector(EventSummary.self, resource)
        case .podDisruptionBudgets: startReflector(PDBSummary.self, resource)
        case .jobs: startReflector(JobSummary.self, resource)
        case .cronJobs: startReflector(CronJobSummary.self, resource)
        case .controllerRevisions: startReflector(RevisionSummary.self, resource)
        default: startReflector(WorkloadSummary.self, resource)
        }
    }

    /// What the signal rules remember as of the last evaluation (restart counts over time among it).
    public func signalHistory() -> SignalHistory { history }

    private func startReflector<T: StoredObject>(_ type: T.Type, _ resource: ResourceKind) {
        let states = states
        let logger = logger
        let throttle = reconnectThrottle
        let lastProblem = LatestValue<ConnectionProblem>()
        var reflector = Reflector(
            type, resource: resource, client: client, store: store,
            namespace: resource.isNamespaced ? namespace : nil
        ) { action in
            switch action {
            case .scheduleRetry(let delay):
                logger.info("\(resource.plural): retrying in \(delay)")
                // A resource these credentials may not read is said where it would show, not as a connection problem.
                guard let problem = lastProblem.value, problem.kind != .forbidden else { return }
                if problem.isDefinite || throttle.shouldReport() {
                    states.yield(.reconnecting(in: delay, problem: problem))
                }
            case .markStale(let reason):
                logger.warning("\(resource.plural): \(reason)")
            case .markUnavailable(let reason):
                logger.notice("\(resource.plural) unavailable: \(reason)")
            default:
                break
            }
        }
        reflector.onFailure = { lastProblem.value = ConnectionProblem($0) }
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
                states.yield(.stale(since: since))
            } else if health.staleSince == nil, wasStale {
                wasStale = false
                states.yield(.reconnected)
            }
            let settled = health.syncedResources.union(health.unavailableResources.keys)
            if settled.count == ResourceKind.watched.count { firstListsDone = true }
            if !announcedConnected, firstListsDone, !wasStale {
                announcedConnected = true
                states.yield(.connected)
            }
            evaluate(snapshot, now: clock.now())
            try? await Task.sleep(for: .seconds(1))
            if Task.isCancelled { return }
        }
    }

    /// Re-evaluates signals periodically: time-based rules (pending, held throttling) fire without store changes. When
    /// neither the store, the metrics nor the cluster's time moved (a simulator's paused clock), there is nothing new
    /// to judge and the pass is skipped.
    private func tickLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(5))
            if Task.isCancelled { return }
            let snapshot = await store.snapshot()
            let now = clock.now()
            if let last = lastEvaluated, last.store == snapshot.generation, last.metrics == metricsGeneration,
                last.now == now
            {
                continue
            }
            evaluate(snapshot, now: now)
        }
    }

    /// `metricsInterval`, or shorter when the cluster's clock runs faster than real time (a simulator at --speed 60):
    /// throttling ratios need two scrapes within their window of cluster time.
    private func scrapeInterval() -> Duration {
        let rate = clock.rate
        guard rate > 1 else { return metricsInterval }
        let window = Duration.milliseconds(Int64(ThrottlingCalculator().window * 1000 / 3 / rate))
        return max(.milliseconds(500), min(metricsInterval, window))
    }

    private func scrapeLoop() async {
        // The first scrape needs the nodes; the next one gives the first rates (throttling needs two samples).
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.store.waitUntilSynced([.nodes, .pods]) }
            group.addTask { try? await Task.sleep(for: self.firstListGrace) }
            await group.next()
            group.cancelAll()
        }
        while !Task.isCancelled {
            let nodes = await store.snapshot().nodes.values.filter { $0.ready?.status == .isTrue }.map(\.name)
            let scrapedAt = clock.now()
            let (snapshot, newly) = await scraper.scrape(nodes: nodes, namespace: namespace, now: scrapedAt)
            // A scrape cut short by stop() fails on the closed client: that is not a missing metrics source.
            if Task.isCancelled { return }
            metrics = snapshot
            metricsGeneration += 1
            metricsScrapes.yield(snapshot)
            for (source, reason) in newly.sorted(by: { $0.key < $1.key }) {
                logger.notice("metrics unavailable from \(source): \(reason)")
            }
            try? await Task.sleep(for: scrapeInterval())
            await waitForClusterTime(after: scrapedAt)
        }
    }

    /// Waits while the cluster's clock stands still (a simulator paused): usage cannot have moved, so a scrape of
    /// every node would only repeat the last one. The server's time is read every 5 s meanwhile (one small request),
    /// so the scrapes resume within seconds of the clock moving again.
    private func waitForClusterTime(after time: Date) async {
        var lastRead = ContinuousClock.now
        while !Task.isCancelled, clock.now() < time.addingTimeInterval(1) {
            try? await Task.sleep(for: min(scrapeInterval(), .seconds(1)))
            if ContinuousClock.now - lastRead >= .seconds(5) {
                _ = try? await client.serverVersion()
                lastRead = ContinuousClock.now
            }
        }
    }

    private func evaluate(_ snapshot: ClusterSnapshot, now: Date) {
        guard firstListsDone || ContinuousClock.now - startedAt >= firstListGrace else { return }
        let result = SignalRules.evaluate(
            previous: lastSnapshot, current: snapshot, metrics: metrics,
            history: history, now: now, thresholds: thresholds)
        let before = Dictionary(current.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fresh = result.observations.filter { observation in
            guard observation.isActive else { return false }
            guard let old = before[observation.id], old.isActive else { return true }
            return observation.count > old.count
        }
        if !fresh.isEmpty || !hasEvaluated { observations.yield(fresh) }
        hasEvaluated = true
        history = result.history
        current = result.observations
        lastSnapshot = snapshot
        lastEvaluated = (snapshot.generation, metricsGeneration, now)
    }

    /// Reads the server's `Date` header now and then (a quiet watch carries none), often at first so that a
    /// simulator's faster clock is measured within seconds.
    private func probeClock() async {
        let firstDelays = [0, 1, 2, 4, 8, 15, 30]
        var probes = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(probes < firstDelays.count ? firstDelays[probes] : 60))
            probes += 1
            if Task.isCancelled { return }
            _ = try? await client.serverVersion()
        }
    }
}
