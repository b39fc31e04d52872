import Foundation

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
    /// How often a `tick` event is sent (for the clock and countdowns in the header).
    public var tickInterval: Duration
    /// The time each tick carries: the wall clock and the cluster's clock.
    public var clock: () -> ConsoleTime

    public init(
        terminal: Terminal, inbox: EventInbox, frameInterval: Duration = .milliseconds(100),
        tickInterval: Duration = .seconds(1),
        clock: @escaping () -> ConsoleTime = { ConsoleTime(wall: Date(), cluster: Date()) }
    ) {
        self.terminal = terminal
        self.inbox = inbox
        self.frameInterval = frameInterval
        self.tickInterval = tickInterval
        self.clock = clock
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
    /// The first frame is drawn after a tick, so it shows the time.
    public func run(state: inout AppState, render: (AppState) -> Screen, perform: (AppEffect, AppState) -> [AppEvent]) {
        let timer = ContinuousClock()
        var nextTick = timer.now.advanced(by: tickInterval)
        if state.size != terminal.size { _ = reduce(&state, .resized(terminal.size)) }
        _ = reduce(&state, .tick(clock()))
        terminal.draw(render(state))
        while true {
            var pending: [AppEvent] = []
            let wait = state.awaitsEngine ? min(frameInterval, Self.engineInterval) : frameInterval
            if let input = terminal.readInput(timeout: wait) {
                pending.append(event(for: input))
            }
            pending += inbox.takeAll()
            if timer.now >= nextTick {
                pending.append(.tick(clock()))
                nextTick = timer.now.advanced(by: tickInterval)
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

    /// How often the inbox is looked at while the runbook panel waits for the engine (its diff, its progress).
    static var engineInterval: Duration { .milliseconds(10) }

    private func event(for input: TerminalInput) -> AppEvent {
        switch input {
        case .key(let key): .keyPressed(key)
        case .resize: .resized(terminal.size)
        }
    }
}
