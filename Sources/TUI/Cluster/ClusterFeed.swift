import ClusterModel
import Foundation

/// Carries cluster data from a `ClusterConnection` to the UI loop without the loop ever waiting.
///
/// Driven by changes: it sleeps until the store, the observations, the metrics or the connection state change, then
/// reads them as of one moment (`ClusterConnection.view()`), rebuilds only the pod rows whose pods changed, keeps the
/// newest result and posts `clusterUpdated`; the loop takes the newest with `take()`. Builds are at least `interval`
/// apart, so bursts coalesce into at most ten redraws a second. Ages move every `ageRefresh` of wall time by giving
/// the kept rows the new time, which rebuilds no row. A trigger that finds nothing moved (store, metrics,
/// observations, the Pods query and the cluster's time all as last built) builds nothing.
public final class ClusterFeed: @unchecked Sendable {
    public struct Update: Sendable {
        public var rows: ClusterRows
        public var data: ClusterData
    }

    private let lock = NSLock()
    private var pending: Update?
    private var retry: (delay: Duration, reportedAt: Date)?
    private var problem: ConnectionProblem?
    private var health = ConnectionHealth()
    private var podsQuery = PaneQuery()

    /// Tells the feed the Pods pane's query, so that it orders the pods rows before handing them to the UI loop.
    public func setPodsQuery(_ query: PaneQuery) {
        lock.withLock { podsQuery = query }
    }

    public init() {}

    /// The newest update since the last call, if any.
    public func take() -> Update? {
        lock.withLock {
            defer { pending = nil }
            return pending
        }
    }

    /// The connection health, the last retry report and why it failed, for the header.
    public func connectionState() -> (
        health: ConnectionHealth, retry: (delay: Duration, reportedAt: Date)?, problem: ConnectionProblem?
    ) {
        lock.withLock { (health, retry, problem) }
    }

    /// Follows `connection` until cancelled.
    public func follow(
        _ connection: ClusterConnection, inbox: EventInbox, interval: Duration = .milliseconds(100),
        ageRefresh: Duration = .seconds(15)
    ) async {
        let (triggers, trigger) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let states = connection.stateUpdates()
        let observations = connection.observationUpdates()
        let metrics = connection.metricsUpdates()
        let changes = await connection.store.changes()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await state in states {
                    self.record(state)
                    trigger.yield()
                }
            }
            group.addTask {
                for await _ in observations { trigger.yield() }
            }
            group.addTask {
                for await _ in metrics { trigger.yield() }
            }
            group.addTask {
                for await _ in changes { trigger.yield() }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: ageRefresh)
                    trigger.yield()
                }
            }
            group.addTask {
                await self.build(
                    connection, triggers: triggers, inbox: inbox, interval: interval)
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func record(_ state: ConnectionState) {
        lock.withLock {
            switch state {
            case .reconnecting(let delay, let why):
                retry = (delay, Date())
                problem = why
            case .connected, .reconnected:
                retry = nil
                problem = nil
            case .stale: break
            }
        }
    }

    /// Builds rows after each trigger, at most once per `interval` (longer when building takes longer).
    private func build(
        _ connection: ClusterConnection, triggers: AsyncStream<Void>, inbox: EventInbox, interval: Duration
    ) async {
        let thresholds = connection.thresholds
        var pods = PodRowCache()
        var built: (store: UInt64, metrics: UInt64, observations: [Observation], now: Date, query: PaneQuery)?
        var lastRows: ClusterRows?
        for await _ in triggers {
            if Task.isCancelled { return }
            let start = ContinuousClock.now
            let view = await connection.view()
            let query = lock.withLock {
                health = view.snapshot.health
                return podsQuery
            }
            // Nothing to redraw when nothing moved: not the store, the metrics, the observations, nor the cluster's
            // time (which stands still on a paused simulator, so even ages stay).
            let unchanged =
                built.map {
                    $0.store == view.snapshot.generation && $0.metrics == view.metricsGeneration && $0.query == query
                        && $0.observations == view.observations
                } ?? false
            if unchanged, built?.now == view.now { continue }
            built = (view.snapshot.generation, view.metricsGeneration, view.observations, view.now, query)
            let now = view.now
            let data = ClusterData(
                snapshot: view.snapshot, observations: view.observations, history: view.history,
                thresholds: thresholds, metrics: view.metrics, now: now)
            let podRows = pods.rows(view.snapshot, metrics: view.metrics, thresholds: thresholds, now: now)
            // When only time moved, the rows keep what they show and take the new time (ages, the restart window).
            let rows =
                unchanged
                ? lastRows.map { $0.retimed(data, pods: podRows) } ?? ClusterRows(data, pods: podRows, podsQuery: query)
                : ClusterRows(data, pods: podRows, podsQuery: query)
            lastRows = rows
            let update = Update(rows: rows, data: data)
            lock.withLock { pending = update }
            inbox.post(.clusterUpdated)
            let spent = ContinuousClock.now - start
            try? await Task.sleep(for: max(interval, spent * 2))
        }
    }
}
