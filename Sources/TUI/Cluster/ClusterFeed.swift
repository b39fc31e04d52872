import ClusterModel
import Foundation

/// Carries cluster data from a `ClusterConnection` to the UI loop without the loop ever waiting.
///
/// Driven by changes: it sleeps until the store, the observations, the metrics or the connection state change, then
/// reads them as of one moment (`ClusterConnection.view()`), rebuilds only the pod rows whose pods changed, keeps the
/// newest result and posts `clusterUpdated`; the loop takes the newest with `take()`. Builds are at least `interval`
/// apart, so bursts coalesce into at most ten redraws a second. Ages move every `ageRefresh` of wall time by giving
/// the kept rows the new time, which rebuilds no row.
public final class ClusterFeed: @unchecked Sendable {
    public struct Update: Sendable {
        public var rows: ClusterRows
        public var data: ClusterData
    }

    private let lock = NSLock()
    private var pending: Update?
    private var timeline: [Observation] = []
    private var retry: (delay: Duration, reportedAt: Date)?
    private var problem: ConnectionProblem?
    private var health = ConnectionHealth()

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
                for await batch in observations {
                    self.lock.withLock { self.timeline = Array((self.timeline + batch).suffix(5_000)) }
                    trigger.yield()
                }
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
        for await _ in triggers {
            if Task.isCancelled { return }
            let start = ContinuousClock.now
            let view = await connection.view()
            let now = view.now
            let timeline = lock.withLock { self.timeline }
            let data = ClusterData(
                snapshot: view.snapshot, observations: view.observations, timeline: timeline, history: view.history,
                thresholds: thresholds, metrics: view.metrics, now: now)
            let podRows = pods.rows(view.snapshot, metrics: view.metrics, thresholds: thresholds, now: now)
            let update = Update(rows: ClusterRows(data, pods: podRows), data: data)
            lock.withLock {
                pending = update
                health = view.snapshot.health
            }
            inbox.post(.clusterUpdated)
            let spent = ContinuousClock.now - start
            try? await Task.sleep(for: max(interval, spent * 2))
        }
    }
}
