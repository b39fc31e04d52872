/// The one UI loop: it owns the terminal and the state, turns input and posted events into
/// `reduce` calls, performs effects, and draws a frame after each batch of events.
///
/// Cluster updates arrive through the inbox and are batched per `frameInterval`, so a burst of
/// them costs one frame; a key is answered in the frame right after it is read.
public struct ConsoleLoop<Terminal: TerminalBackend> {
    public var terminal: Terminal
    public var inbox: EventInbox
    /// The longest the loop waits for a key before it looks at the inbox.
    public var frameInterval: Duration
    /// How often a `tick` event is sent (for the clock and ages in the header).
    public var tickInterval: Duration

    public init(
        terminal: Terminal, inbox: EventInbox, frameInterval: Duration = .milliseconds(100),
        tickInterval: Duration = .seconds(1)
    ) {
        self.terminal = terminal
        self.inbox = inbox
        self.frameInterval = frameInterval
        self.tickInterval = tickInterval
    }

    /// Runs until an effect asks to quit.
    ///
    /// - Parameters:
    ///   - render: draws the state (pure, O(visible rows)).
    ///   - perform: carries out an effect; returns events to reduce at once (such as
    ///     `rowsChanged` after a query), and starts anything slow as a task that posts to the inbox.
    public func run(state: inout AppState, render: (AppState) -> Screen, perform: (AppEffect) -> [AppEvent]) {
        run(state: &state, render: render, perform: { effect, _ in perform(effect) })
    }

    /// Runs until an effect asks to quit; `perform` also sees the state as it is when the effect runs.
    public func run(state: inout AppState, render: (AppState) -> Screen, perform: (AppEffect, AppState) -> [AppEvent]) {
        let clock = ContinuousClock()
        var nextTick = clock.now.advanced(by: tickInterval)
        if state.size != terminal.size { _ = reduce(&state, .resized(terminal.size)) }
        terminal.draw(render(state))
        while true {
            var pending: [AppEvent] = []
            if let input = terminal.readInput(timeout: frameInterval) {
                pending.append(event(for: input))
            }
            pending += inbox.takeAll()
            if clock.now >= nextTick {
                pending.append(.tick)
                nextTick = clock.now.advanced(by: tickInterval)
            }
            guard !pending.isEmpty else { continue }
            while !pending.isEmpty {
                for effect in reduce(&state, pending.removeFirst()) {
                    if effect == .quit { return }
                    pending += perform(effect, state)
                }
            }
            terminal.draw(render(state))
        }
    }

    private func event(for input: TerminalInput) -> AppEvent {
        switch input {
        case .key(let key): .keyPressed(key)
        case .resize: .resized(terminal.size)
        }
    }
}
