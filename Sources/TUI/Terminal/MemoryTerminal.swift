/// A terminal in memory for tests: keeps the last screen and plays scripted input.
public final class MemoryTerminal: TerminalBackend {
    public private(set) var size: Size
    /// Everything drawn so far, as a full screen.
    public private(set) var screen: Screen
    /// How many cells the last draw changed.
    public private(set) var lastChangeCount = 0
    public private(set) var isSuspended = false
    private var pendingInput: [TerminalInput]

    public init(size: Size, input: [TerminalInput] = []) {
        self.size = size
        self.screen = Screen(size: size)
        self.pendingInput = input
    }

    public func draw(_ screen: Screen) {
        lastChangeCount = screen.changes(from: self.screen).count
        self.screen = screen
    }

    public func readInput(timeout: Duration) -> TerminalInput? {
        pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    /// Queues keys to be read, as if typed.
    public func type(_ keys: Key...) {
        pendingInput.append(contentsOf: keys.map(TerminalInput.key))
    }

    /// Changes the size and queues a resize event, as SIGWINCH would.
    public func resize(to size: Size) {
        self.size = size
        pendingInput.append(.resize)
    }

    public func suspend() {
        isSuspended = true
    }

    public func restore() {
        isSuspended = false
        screen = Screen(size: size)
    }
}
