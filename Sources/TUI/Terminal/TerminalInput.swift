/// One input event from the terminal.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size (`KEY_RESIZE` after SIGWINCH).
    case resize
}
