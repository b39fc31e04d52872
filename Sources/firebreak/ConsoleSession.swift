import ClusterModel
import Foundation
import Logging
import TUI

/// One run of the console: the UI loop on the main thread, and the cluster connection and
/// feed in background tasks that only post to the loop's inbox.
@MainActor
final class ConsoleSession {
    let options: ConsoleOptions
    /// The simulator's time in a demo; `nil` for a real cluster, whose time is learnt from its responses.
    let simulatedTime: (@Sendable () -> Date)?
    private var clock = ClusterClock()
    let inbox = EventInbox()
    private let logger = Logger(label: "firebreak.console")
    private var console = ClusterConsole()
    private var feed = ClusterFeed()
    private var connection: ClusterConnection?
    private var feedTask: Task<Void, Never>?
    private var status: ConnectionStatus
    private var detailTarget: DetailTarget?
    private lazy var logStreams = LogStreams(inbox: inbox)

    init(options: ConsoleOptions, simulatedTime: (@Sendable () -> Date)?) {
        self.options = options
        self.simulatedTime = simulatedTime
        status = ConnectionStatus(
            context: "-", server: "-", namespace: options.namespace, isReadOnly: options.isReadOnly)
    }

    /// Connects to `endpoint`, then runs the console until the user quits.
    func run(endpoint: ClusterEndpoint) throws {
        try connect(endpoint, namespace: options.namespace)
        let environment = ProcessInfo.processInfo.environment
        var keymap = Keymap.defaults
        var startupMessage: StatusMessage?
        if let path = KeymapLoader.defaultPath(environment: environment), FileManager.default.fileExists(atPath: path) {
            do { keymap = try KeymapLoader.load(path: path, into: keymap) } catch {
                startupMessage = StatusMessage(error.description, isError: true)
            }
        }
        if options.isReadOnly { keymap = keymap.readOnly() }
        func theme(colours: Int) -> Theme {
            chooseTheme(colours: colours, environment: environment, message: &startupMessage)
        }
        try withCursesTerminal(theme: theme) { terminal in
            var state = ClusterConsole.initialState(size: terminal.size, keymap: keymap)
            state.namespace = options.namespace
            state.message = startupMessage
            ConsoleLoop(terminal: terminal, inbox: inbox).run(state: &state, render: render, perform: perform)
        }
    }

    /// Stops the feed and the connection (in the background).
    func disconnect() {
        logStreams.closeAll()
        feedTask?.cancel()
        feedTask = nil
        if let connection { Task.detached { await connection.stop() } }
        connection = nil
    }

    private func connect(_ endpoint: ClusterEndpoint, namespace: String?) throws {
        disconnect()
        clock = simulatedTime.map { ClusterClock(source: $0) } ?? ClusterClock()
        let connection = try ClusterConnection(
            endpoint: endpoint, namespace: namespace, metricsInterval: options.metricsInterval, clock: clock,
            logger: Logger(label: "firebreak.cluster"))
        let feed = ClusterFeed()
        let inbox = inbox
        self.connection = connection
        self.feed = feed
        console = ClusterConsole()
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

    private func chooseTheme(colours: Int, environment: [String: String], message: inout StatusMessage?) -> Theme {
        let name = ThemeSelection.themeName(
            requested: options.theme, environment: environment, terminalColours: colours)
        let directories = ThemeDirectories.candidates(environment: environment)
        guard let directory = directories.first(where: { FileManager.default.fileExists(atPath: "\($0)/\(name).yaml") })
        else {
            if name != Theme.builtInDefault.name {
                message = StatusMessage(
                    "Theme '\(name)' not found in \(directories.joined(separator: ", ")); using the default",
                    isError: true)
            }
            return name == ThemeSelection.monochrome ? Theme(name: "mono", styles: [:]) : .builtInDefault
        }
        let (theme, error) = ThemeLoader.loadOrDefault(name: name, directory: directory)
        if let error {
            message = StatusMessage(error.description, isError: true)
            logger.warning("\(error.description)")
        }
        return theme
    }

    private func render(_ state: AppState) -> Screen {
        let (health, retry, problem) = feed.connectionState()
        var status = status
        status.health = health
        status.retry = retry
        status.problem = problem
        let header = status.header(wallClock: Date(), clusterClock: clock.now())
        let detail = state.isShowingDetail ? detailTarget.map(console.detail(for:)) : nil
        return ConsoleView(state: state, header: header, providers: console.providers, detail: detail).render()
    }

    private func perform(_ effect: AppEffect, state: AppState) -> [AppEvent] {
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
            return detailTarget == nil
                ? [.keyPressed(.escape), .messagePosted(StatusMessage("No detail view for this row", isError: true))]
                : []
        case .switchNamespace(let namespace):
            return reconnect(namespace: namespace, context: nil)
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
        case .requestRunbook(let action, let pane, let row):
            logger.info("runbook \(action.name) requested on \(pane.title) row \(row)")
            return [.messagePosted(StatusMessage("Runbook '\(action.name)' is not available yet", isError: true))]
        }
    }

    private func reconnect(namespace: String?, context: String?) -> [AppEvent] {
        do {
            let endpoint = try KubeconfigLoader().load(
                kubeconfigPath: options.kubeconfigPath, context: context ?? status.context)
            try connect(endpoint, namespace: namespace)
            return PaneID.allCases.map { .rowsChanged($0, rowCount: 0, totalCount: 0, cursor: 0) }
        } catch {
            return [.messagePosted(StatusMessage("\(error)", isError: true))]
        }
    }
}
