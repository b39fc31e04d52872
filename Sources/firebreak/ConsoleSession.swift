import ClusterModel
import Foundation
import Logging
import Runbooks
import TUI
import Timeline

/// One run of the console: the UI loop on the main thread, with the TUI's `EffectRunner` carrying out its
/// effects (the cluster connection and feed run in background tasks that only post to the loop's inbox).
@MainActor
final class ConsoleSession {
    let options: ConsoleOptions
    let inbox = EventInbox()
    private let logger = Logger(label: "firebreak.console")
    private let effects: EffectRunner
    /// The runbook files: built-ins overridden by the user's.
    private let runbooks: RunbookCatalog

    /// - Parameter simulatedTime: the simulator's time in a demo; `nil` for a real cluster, whose time is learnt
    ///   from its responses.
    init(options: ConsoleOptions, simulatedTime: (@Sendable () -> Date)?) {
        self.options = options
        runbooks = RunbookDirectories.catalog()
        effects = EffectRunner(
            kubeconfigPath: options.kubeconfigPath, isReadOnly: options.isReadOnly,
            metricsInterval: options.metricsInterval, simulatedTime: simulatedTime,
            stateDirectory: StateDirectory.resolve(explicit: options.stateDirectory), inbox: inbox, runbooks: runbooks,
            logger: logger)
    }

    /// Connects to `endpoint`, then runs the console until the user quits.
    func run(endpoint: ClusterEndpoint) throws {
        try effects.connect(endpoint, namespace: options.namespace)
        let environment = ProcessInfo.processInfo.environment
        var startupMessage = Self.runbookMessage(runbooks, logger: logger)
        let (withRunbooks, skipped) = Keymap.defaults.addingRunbooks(runbooks.runbooks)
        var keymap = withRunbooks
        for reason in skipped {
            logger.warning("\(reason)")
            startupMessage = StatusMessage("Runbook key not bound: \(reason)", isError: true)
        }
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
            ConsoleLoop(terminal: terminal, inbox: inbox, clock: effects.time)
                .run(state: &state, render: effects.render, perform: effects.perform)
        }
    }

    /// Stops the feed and the connection (in the background).
    func disconnect() {
        effects.disconnect()
    }

    /// What the console says about the runbook files when it starts: a file with problems (logged, first shown),
    /// else which user file overrides a built-in.
    static func runbookMessage(_ catalog: RunbookCatalog, logger: Logger) -> StatusMessage? {
        let problems = catalog.problems
        for problem in problems { logger.warning("\(problem)") }
        if let first = problems.first {
            let more = problems.count > 1 ? " (+\(problems.count - 1) more: firebreak runbook validate)" : ""
            return StatusMessage("Runbook file skipped: \(first)\(more)", isError: true)
        }
        let overrides = catalog.overridden.keys.sorted().compactMap { id in
            catalog.runbooks.first { $0.id == id }.map { runbook in
                "\(id) from \(runbook.source) (overrides \((catalog.overridden[id] ?? []).joined(separator: ", ")))"
            }
        }
        for line in overrides { logger.info("runbook \(line)") }
        guard !overrides.isEmpty else { return nil }
        return StatusMessage("Runbook " + overrides.joined(separator: "; "))
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
}
