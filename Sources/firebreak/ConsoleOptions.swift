import Foundation

/// What the command line chose for the console.
struct ConsoleOptions {
    var namespace: String?
    var isReadOnly: Bool
    var theme: String?
    var kubeconfigPath: String?
    /// How often to scrape metrics (shorter on the simulator, whose clock runs faster).
    var metricsInterval: Duration = .seconds(30)
    /// `--state-dir`: where the incident journal is kept (nil: `$XDG_STATE_HOME/firebreak`).
    var stateDirectory: String?
}
