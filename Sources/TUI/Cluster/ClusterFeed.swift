import ClusterModel
import Foundation

/// Carries cluster data from a `ClusterConnection` to the UI loop without the loop ever waiting.
///
/// Background tasks poll the connection, build the pane rows off the UI thread, keep the
/// newest result here and post `clusterUpdated`; the loop takes the newest with `take()`.
/// Polling at most every `interval` (and never faster than rows can be built) coalesces
/// bursts of cluster changes to at most ten redraws a second.
public final class ClusterFeed: @unchecked Sendable {
    public struct Update: Sendable {
        public var rows: ClusterRows
        public var data: ClusterData
    }

    private let lock = NSLock()
    private var pending: Update?
    private var timeline: [Observation] = []
    private var retry: (delay: Duration, reportedAt: Date)?
    private var health = ConnectionHealth()

    public init() {}

    /// The newest update since the last call, if any.
    public func take() -> Update? {
        lock.withLock {
            defer { pending = nil }
            return pending
        }
    }

    /// The connection health and the last retry report, for the header.
    public func connectionState() -> (health: ConnectionHealth, retry: (delay: Duration, reportedAt: Date)?) {
        lock.withLock { (health, retry) }
    }

    /// Follows `connection` until cancelled; `clusterClock` is the cluster's time (for ages and signals).
    public func follow(
        _ connection: ClusterConnection, inbox: EventInbox, clusterClock: @escaping @Sendable () -> Date,
        interval: Duration = .milliseconds(100)
    ) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.followStates(connection) }
            group.addTask { await self.followObservations(connection) }
            group.addTask { await self.poll(connection, inbox: inbox, clusterClock: clusterClock, interval: interval) }
            await group.waitForAll()
        }
    }

    private func followStates(_ connection: ClusterConnection) async {
        for await state in connection.states {
            lock.withLock {
                switch state {
                case .reconnecting(let delay): retry = (delay, Date())
                case .connected, .reconnected: retry = nil
                case .stale: break
                }
            }
        }
    }

    private func followObservations(_ connection: ClusterConnection) async {
        for await observation in connection.observations {
            lock.withLock { timeline = Array((timeline + [observation]).suffix(5_000)) }
        }
    }

    private func poll(
        _ connection: ClusterConnection, inbox: EventInbox, clusterClock: @Sendable () -> Date, interval: Duration
    ) async {
        let thresholds = await connection.thresholds
        var lastGeneration: UInt64?
        var lastObservations: [Observation] = []
        var lastMetrics = MetricsSnapshot.empty
        var lastTimelineCount = 0
        var lastBuild = ContinuousClock.now
        while !Task.isCancelled {
            let snapshot = await connection.store.snapshot()
            let observations = await connection.currentObservations()
            let metrics = await connection.currentMetrics()
            let history = await connection.signalHistory()
            let timeline = lock.withLock { self.timeline }
            let isDue = ContinuousClock.now - lastBuild >= .seconds(1)
            if snapshot.generation != lastGeneration || observations != lastObservations || metrics != lastMetrics
                || timeline.count != lastTimelineCount || isDue
            {
                let start = ContinuousClock.now
                let now = clusterClock()
                let data = ClusterData(
                    snapshot: snapshot, observations: observations, timeline: timeline, history: history,
                    thresholds: thresholds, metrics: metrics, now: now)
                let update = Update(rows: ClusterRows(data), data: data)
                lock.withLock {
                    pending = update
                    health = snapshot.health
                }
                inbox.post(.clusterUpdated)
                (lastGeneration, lastObservations, lastMetrics, lastTimelineCount) = (
                    snapshot.generation, observations, metrics, timeline.count
                )
                lastBuild = ContinuousClock.now
                let spent = lastBuild - start
                try? await Task.sleep(for: max(interval, spent * 2))
            } else {
                try? await Task.sleep(for: interval)
            }
        }
    }
}
