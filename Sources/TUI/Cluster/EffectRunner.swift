import ClusterModel
import Foundation
import Logging

/// Carries out what `reduce` asks of the cluster console, on the UI loop: it connects to the cluster (again, for
/// `:ns` and `:ctx`), swaps in the feed's rows, applies queries and chooses what the detail view shows. Every
/// effect's outcome, a failure included, comes back as events for `reduce`; the slow work (the connection, the
/// feed) runs in background tasks that post to the inbox.
@MainActor
public final class EffectRunner {
    /// Where `:ctx` looks contexts up (nil: kubectl's default files).
    public let kubeconfigPath: String?
    /// How often to scrape metrics (shorter on the simulator, whose clock runs faster).
    public let metricsInterval: Duration
    /// The simulator's time in a demo; `nil` for a real cluster, whose time is learnt from its responses.
    private let simulatedTime: (@Sendable () -> Date)?
    /// The cluster's clock of the current connection.
    private var clock = ClusterClock()
    private let inbox: EventInbox
    private let logger: Logger
    private var console = ClusterConsole()
    private var feed = ClusterFeed()
    private var connection: ClusterConnection?
    private var feedTask: Task<Void, Never>?
    private var status: ConnectionStatus
    private var detailTarget: DetailTarget?

    /// - Parameter simulatedTime: the simulator's time in a demo; `nil` for a real cluster, whose time each
    ///   connection learns from the API server's responses.
    public init(
        kubeconfigPath: String?, isReadOnly: Bool, metricsInterval: Duration,
        simulatedTime: (@Sendable () -> Date)?, inbox: EventInbox,
        logger: Logger = Logger(label: "firebreak.console")
    ) {
        self.kubeconfigPath = kubeconfigPath
        self.metricsInterval = metricsInterval
        self.simulatedTime = simulatedTime
        self.inbox = inbox
        self.logger = logger
        status = ConnectionStatus(context: "-", server: "-", isReadOnly: isReadOnly)
    }

    /// Starts watching `endpoint` (scoped to `namespace`, nil for all), replacing any earlier connection.
    public func connect(_ endpoint: ClusterEndpoint, namespace: String?) throws(KubeClientError) {
        let clock = simulatedTime.map { ClusterClock(source: $0) } ?? ClusterClock()
        let connection = try ClusterConnection(
            endpoint: endpoint, namespace: namespace, metricsInterval: metricsInterval, clock: clock,
            logger: Logger(label: "firebreak.cluster"))
        disconnect()
        let feed = ClusterFeed()
        let inbox = inbox
        self.clock = clock
        self.connection = connection
        self.feed = feed
        console = ClusterConsole()
        detailTarget = nil
        status.context = endpoint.contextName
        status.server = endpoint.server.absoluteString
        status.namespace = namespace
        status.health = ConnectionHealth()
        logger.info(
            "connecting to \(endpoint.server) (context \(endpoint.contextName), namespace \(namespace ?? "all"))")
        feedTask = Task.detached {
            await connection.start()
            await feed.follow(connection, inbox: inbox)
        }
    }

    /// Stops the feed and the connection (the connection closes in the background).
    public func disconnect() {
        feedTask?.cancel()
        feedTask = nil
        if let connection { Task.detached { await connection.stop() } }
        connection = nil
    }

    /// Carries out `effect` on `state` as it is now; returns the events that report the outcome.
    public func perform(_ effect: AppEffect, state: AppState) -> [AppEvent] {
        switch effect {
        case .quit:
            return []
        case .refreshCluster:
            guard let update = feed.take() else { return [] }
            return console.update(update.rows, data: update.data, state: state)
        case .applyQuery(let pane, let query):
            return console.apply(query, to: pane)
        case .showDetail(let pane, let row):
            detailTarget = console.detailTarget(pane: pane, row: row)
            return detailTarget == nil ? [.detailUnavailable(reason: "No detail view for this row")] : []
        case .switchNamespace(let namespace):
            return reconnect(namespace: namespace, context: status.context)
        case .switchContext(let context):
            return reconnect(namespace: status.namespace, context: context)
        case .requestRunbook(let action, let pane, let row):
            logger.info("runbook \(action.name) requested on \(pane.title) row \(row)")
            return [.messagePosted(StatusMessage("Runbook '\(action.name)' is not available yet", isError: true))]
        }
    }

    /// The wall clock and the current connection's cluster clock, for the loop's ticks.
    public func time() -> ConsoleTime {
        ConsoleTime(wall: Date(), cluster: clock.now())
    }

    /// The screen for `state`: the header (connection and the state's clocks), the panes and any detail view.
    public func render(_ state: AppState) -> Screen {
        let (health, retry, problem) = feed.connectionState()
        var status = status
        status.health = health
        status.retry = retry
        status.problem = problem
        let header = status.header(wallClock: state.time.wall, clusterClock: state.time.cluster)
        let detail = state.isShowingDetail ? detailTarget.map(console.detail(for:)) : nil
        return ConsoleView(state: state, header: header, providers: console.providers, detail: detail).render()
    }

    private func reconnect(namespace: String?, context: String) -> [AppEvent] {
        do {
            let endpoint = try KubeconfigLoader().load(kubeconfigPath: kubeconfigPath, context: context)
            try connect(endpoint, namespace: namespace)
            return PaneID.allCases.map { .rowsChanged($0, rowCount: 0, totalCount: 0, cursor: 0) }
        } catch {
            return [.switchFailed(reason: "\(error)")]
        }
    }
}
