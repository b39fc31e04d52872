/// What the console is doing with the keyboard.
public enum AppMode: Hashable, Sendable {
    case normal
    /// Typing a `/` filter; `text` so far.
    case filter(String)
    /// Typing a `:` command; `text` so far.
    case command(String)
    /// The help screen, scrolled to `scrollOffset`.
    case help(scrollOffset: Int)
    /// The detail view of one row of a pane.
    case detail(PaneID, row: Int)
    /// Asking whether to quit.
    case confirmQuit
    /// A container's log (`AppState.logs.view`).
    case log
    /// Choosing which container's log to show (`AppState.logs.picker`).
    case chooseContainer
    /// The runbook panel (`AppState.runbook`).
    case runbook
    /// A journal prompt, offer or list (`JournalMode`).
    case journal(JournalMode)

    var isHelp: Bool {
        if case .help = self { return true }
        return false
    }
}
