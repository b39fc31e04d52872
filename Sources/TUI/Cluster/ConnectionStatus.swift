import ClusterModel
import Foundation

/// What the header says about the cluster connection.
public struct ConnectionStatus: Sendable {
    public var context: String
    public var server: String
    /// The namespace scope (nil: all namespaces).
    public var namespace: String?
    public var health: ConnectionHealth
    /// The last `reconnecting(in:)` report and when it arrived (wall clock).
    public var retry: (delay: Duration, reportedAt: Date)?
    /// Why the last attempt failed, said in the header with the retry.
    public var problem: ConnectionProblem?
    /// How many resources the first sync waits for.
    public var resourceCount: Int
    public var isReadOnly: Bool

    public init(
        context: String, server: String, namespace: String? = nil, health: ConnectionHealth = ConnectionHealth(),
        retry: (delay: Duration, reportedAt: Date)? = nil, resourceCount: Int = ResourceKind.watched.count,
        isReadOnly: Bool = false
    ) {
        self.context = context
        self.server = server
        self.namespace = namespace
        self.health = health
        self.retry = retry
        self.resourceCount = resourceCount
        self.isReadOnly = isReadOnly
    }

    /// Resources listed or known unavailable.
    var settledCount: Int {
        health.syncedResources.union(health.unavailableResources.keys).count
    }

    /// The API health segment: connected, reconnecting in N s, stale for N s (wall clock `now`).
    func healthSegment(now: Date) -> HeaderSegment {
        let retryIn = retry.map { max(0, Int(($0.delay.seconds - now.timeIntervalSince($0.reportedAt)).rounded(.up))) }
        let why = problem.map { "\($0.kind == .tls ? "\($0) (context \(context))" : $0.message); " } ?? ""
        if let since = health.staleSince {
            let stale = "stale for \(Age.short(seconds: secondsBetween(since, now) ?? 0))"
            return HeaderSegment(
                retryIn.map { "\(stale), \(why.isEmpty ? "reconnecting" : why + "retry") in \($0)s" } ?? stale,
                role: .headerStale)
        }
        if let retryIn, retryIn > 0 {
            return HeaderSegment(
                why.isEmpty ? "reconnecting in \(retryIn)s" : "\(why)retry in \(retryIn)s",
                role: problem?.isDefinite == true ? .headerStale : .headerWarn)
        }
        if settledCount < resourceCount {
            return HeaderSegment(health.lastContact == nil ? "connecting" : "syncing", role: .headerWarn)
        }
        return HeaderSegment("connected", role: .headerOK)
    }

    /// The header bar: context, server, scope, health, sync progress while listing, and the UTC clock.
    public func header(wallClock: Date, clusterClock: Date) -> HeaderBar {
        var segments = [
            HeaderSegment("ctx \(context)"),
            HeaderSegment(server),
            HeaderSegment("ns \(namespace ?? "all")"),
            healthSegment(now: wallClock),
        ]
        if settledCount < resourceCount {
            let bar = ProgressBar(label: "", completed: settledCount, total: resourceCount).bar(width: 8)
            segments.append(HeaderSegment("sync ▕\(bar)▏ \(settledCount)/\(resourceCount)", role: .headerWarn))
        }
        if isReadOnly { segments.append(HeaderSegment("read-only")) }
        return HeaderBar(
            segments: segments,
            trailing: UTCClock.text(secondsSince1970: Int64(clusterClock.timeIntervalSince1970.rounded(.down))))
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
