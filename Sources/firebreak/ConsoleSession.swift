import ClusterModel
import Foundation
import Logging
import TUI

/// One run of the console: the UI loop on the main thread, with the TUI's `EffectRunner` carrying out its
/// effects (the cluster connection and feed run in background tasks that only post to the loop's inbox).
@MainActor
final class ConsoleSession {
    let options: ConsoleOptions
    let inbox = EventInbox()
    private let logger = Logger(label: "firebreak.console")
    private let effects: EffectRunner

    /// - Parameter simulatedTime: the simulator's time in a demo; `nil` for a real cluster, whose time is learnt
    ///   from its responses.
    init(options: ConsoleOptions, simulatedTime: (@Sendable () -> Date)?) {
        self.options = options
        effects = EffectRunner(
            kubeconfigPath: options.kubeconfigPath, isReadOnly: options.isReadOnly,
            metricsInterval: options.metricsInterval, simulatedTime: simulatedTime, inbox: inbox, logger: logger)
    }

    /// Connects to `endpoint`, then runs the console until the user quits.
    func run(endpoint: ClusterEndpoint) throws {
        try effects.connect(endpoint, namespace: options.namespace)
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
            ConsoleLoop(terminal: terminal, inbox: inbox, clock: effects.time)
                .run(state: &state, render: effects.render, perform: effects.perform)
        }
    }

    /// Stops the feed and the connection (in the background).
    func disconnect() {
        effects.disconnect()
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
