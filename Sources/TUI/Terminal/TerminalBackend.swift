/// Where the console draws and reads keys: curses on a real terminal, memory in tests.
///
/// Used from the one UI loop only; implementations are not thread-safe.
public protocol TerminalBackend: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }
    /// Shows `screen`, writing only the cells that changed since the last draw.
    func draw(_ screen: Screen)
    /// The next key or resize, or nil when nothing arrived within `timeout`.
    func readInput(timeout: Duration) -> TerminalInput?
    /// Gives the terminal back to the shell (for a pager, an editor, or Ctrl-Z).
    func suspend()
    /// Takes the terminal again after `suspend()` and redraws everything on the next draw.
    func restore()
}
