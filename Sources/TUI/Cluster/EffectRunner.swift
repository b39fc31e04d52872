import ClusterModel
import Foundation
import Logging
import Runbooks
import Timeline

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
    private lazy var logStreams = LogStreams(inbox: inbox)
    private let runbooks: RunbookRunner
    private let journal: JournalSession
    /// The Pods pane's order computed off the loop: for which query, on which generation of rows.
    private let podsOrder = LatestValue<(query: PaneQuery, order: [Int], generation: Int)>()
    private var podsOrderTask: Task<Void, Never>?

    /// - Parameters:
    ///   - simulatedTime: the simulator's time in a demo; `nil` for a real cluster, whose time each connection
    ///     learns from the API server's responses.
    ///   - stateDirectory: where the incident journal is kept.
    ///   - runbooks: the runbooks the keys and `:runbook` run (recorded in the incident journal).
    public init(
        kubeconfigPath: String?, isReadOnly: Bool, metricsInterval: Duration,
        simulatedTime: (@Sendable () -> Date)?, stateDirectory: StateDirectory, inbox: EventInbox,
        runbooks: RunbookCatalog = RunbookCatalog(), logger: Logger = Logger(label: "firebreak.console")
    ) {
        journal = JournalSession(directory: stateDirectory, inbox: inbox, logger: logger)
        self.runbooks = RunbookRunner(
            catalog: runbooks, journal: journal.journal, isReadOnly: isReadOnly, inbox: inbox, logger: logger)
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
        podsOrderTask?.cancel()
        _ = podsOrder.take()
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
        journal.attach(connection, context: endpoint.contextName)
        runbooks.reportUnfinished()
    }

    /// Stops the feed and the connection (the connection closes in the background).
    public func disconnect() {
        logStreams.closeAll()
        runbooks.cancelChecks()
        journal.detach()
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
                + journal.criticalSignal(in: update.data)
        case .applyQuery(.pods, let query) where console.pods.totalCount >= ClusterConsole.backgroundQueryRows:
            orderPodsInBackground(query)
            return []
        case .applyQuery(let pane, let query):
            if pane == .pods { feed.setPodsQuery(query) }
            return console.apply(query, to: pane)
        case .adoptQueryOrder:
            guard let ordered = podsOrder.take() else { return [] }
            if let events = console.adoptPodsOrder(ordered.order, for: ordered.query, generation: ordered.generation) {
                return events
            }
            orderPodsInBackground(ordered.query)
            return []
        case .showDetail(.signals, let row):
            if let toggled = console.toggleSignalGroup(at: row, state: state) { return toggled + [.groupToggled] }
            detailTarget = console.detailTarget(pane: .signals, row: row)
            return detailTarget == nil ? [.detailUnavailable(reason: "No detail view for this row")] : []
        case .showDetail(let pane, let row):
            detailTarget = console.detailTarget(pane: pane, row: row)
            return detailTarget == nil ? [.detailUnavailable(reason: "No detail view for this row")] : []
        case .switchNamespace(let namespace):
            return reconnect(namespace: namespace, context: status.context)
        case .switchContext(let context):
            return reconnect(namespace: status.namespace, context: context)
        case .resolveLogSubject(let pane, let row):
            return console.logSubject(pane: pane, row: row).map { [.logSubjectResolved($0)] }
                ?? [.messagePosted(StatusMessage("No log for this row: choose a pod or a container", isError: true))]
        case .openLogStream(let stream, let request):
            guard let connection else { return [.logStreamEnded(stream: stream, failure: "Not connected")] }
            logStreams.open(stream, request, connection: connection)
            return []
        case .closeLogStream(let stream):
            logStreams.close(stream)
            return []
        case .showNormalEvents(let shows):
            return console.showNormalEvents(shows, state: state)
        case .journal(.refresh(let showsHidden)):
            let (rows, emptyMessage, event) = journal.refresh(showsHidden: showsHidden)
            return console.replaceTimeline(rows, emptyMessage: emptyMessage, state: state) + [.journal(event)]
        case .journal(let effect):
            journal.perform(effect)
            return []
        case .requestRunbook(let id, let pane, let row):
            return runbooks.request(
                id, target: console.runbookTarget(pane: pane, row: row), state: state, connection: connection,
                context: status.context, clock: clock)
        case .runRunbook(let id, let target, let settings):
            return runbooks.request(
                id, target: target, settings: settings, state: state, connection: connection,
                context: status.context, clock: clock)
        case .answerRunbook(let action, let answer):
            runbooks.answer(action, answer)
            return []
        case .cancelRunbook(let action):
            runbooks.cancel(action)
            return []
        case .recheckUnfinished:
            runbooks.recheckUnfinished(connection: connection, context: status.context, clock: clock)
            return []
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
        return ConsoleView(state: withRunbookKeys(state), header: header, providers: console.providers, detail: detail)
            .render()
    }

    /// `state` with the runbook keys that cannot run on the selected row disabled, each with its reason (so the
    /// footer offers only the keys that fit and help says why the others do not); starts the permission checks
    /// for a newly selected row.
    private func withRunbookKeys(_ state: AppState) -> AppState {
        let pane = state.focusedPane
        let target = pane.rowCount > 0 ? console.runbookTarget(pane: state.focus, row: pane.cursor) : nil
        runbooks.checkAccess(
            for: target, state: state, connection: connection, context: status.context, clock: clock)
        var shown = state
        shown.keymap = state.keymap.disablingRunbooks(runbooks.disabledReasons(for: target, state: state))
        return shown
    }

    /// Filters and sorts the Pods pane's rows for `query` on a copy, off the UI loop, which keeps drawing the previous
    /// order meanwhile; `queryOrdered` tells the loop when the order is ready. Later cluster updates come ordered by
    /// the feed.
    private func orderPodsInBackground(_ query: PaneQuery) {
        feed.setPodsQuery(query)
        let pane = console.pods
        let generation = pane.generation
        let inbox = inbox
        let podsOrder = podsOrder
        podsOrderTask?.cancel()
        podsOrderTask = Task.detached(priority: .userInitiated) {
            let order = pane.order(for: query)
            guard !Task.isCancelled else { return }
            podsOrder.value = (query, order, generation)
            inbox.post(.queryOrdered(.pods))
        }
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
