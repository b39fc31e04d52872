import Foundation
import Testing

@testable import TUI

@Suite struct ConsoleLoopTests {
    func render(_ state: AppState) -> Screen {
        var pods = SamplePods.pane()
        pods.apply(state.panes[.pods]?.query ?? PaneQuery())
        return ConsoleView(state: state, header: HeaderBar(segments: [HeaderSegment("test")]), providers: [.pods: pods])
            .render()
    }

    @Test func keysAreReducedDrawnAndQuitEndsTheLoop() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(.down, .down, .character("q"), .character("y"))
        var state = AppState.sample(size: terminal.size)
        ConsoleLoop(terminal: terminal, inbox: EventInbox(), frameInterval: .zero, tickInterval: .seconds(3600))
            .run(state: &state, render: render) { _ in [] }
        #expect(state.focusedPane.cursor == 2)
        #expect(terminal.screen.textLines().contains { $0.contains("Quit Firebreak?") })
    }

    @Test func effectsAreCarriedOutAndTheirEventsReducedInTheSameFrame() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(.character("/"), .character("x"), .enter, .character("q"), .character("y"))
        var state = AppState.sample(size: terminal.size)
        var performed: [AppEffect] = []
        ConsoleLoop(terminal: terminal, inbox: EventInbox(), frameInterval: .zero, tickInterval: .seconds(3600))
            .run(state: &state, render: render) { effect in
                performed.append(effect)
                return [.rowsChanged(.pods, rowCount: 1, totalCount: 8)]
            }
        #expect(performed == [.applyQuery(.pods, PaneQuery(filter: RowFilter(text: "x")))])
        #expect(state.focusedPane.rowCount == 1)
    }

    @Test func postedEventsAndResizesReachTheState() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let inbox = EventInbox()
        inbox.post(.rowsChanged(.nodes, rowCount: 5_000, totalCount: 5_000))
        terminal.resize(to: Size(width: 120, height: 40))
        terminal.type(.character("q"), .character("y"))
        var state = AppState.sample(size: terminal.size)
        ConsoleLoop(terminal: terminal, inbox: inbox, frameInterval: .zero, tickInterval: .seconds(3600))
            .run(state: &state, render: render) { _ in [] }
        #expect(state.panes[.nodes]?.rowCount == 5_000)
        #expect(state.size == Size(width: 120, height: 40))
        #expect(terminal.screen.size == Size(width: 120, height: 40))
    }

    @Test func theFirstFrameAndEveryTickCarryTheClocks() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        terminal.type(.character("q"), .character("y"))
        var state = AppState.sample(size: terminal.size)
        var reads = 0
        var drawnTimes: [ConsoleTime] = []
        let loop = ConsoleLoop(
            terminal: terminal, inbox: EventInbox(), frameInterval: .zero, tickInterval: .zero,
            clock: {
                reads += 1
                return ConsoleTime(
                    wall: Date(timeIntervalSince1970: Double(reads)), cluster: Date(timeIntervalSince1970: 1_000))
            })
        loop.run(
            state: &state,
            render: { state in
                drawnTimes.append(state.time)
                return render(state)
            }, perform: { _ in [] })
        #expect(
            drawnTimes.first
                == ConsoleTime(wall: Date(timeIntervalSince1970: 1), cluster: Date(timeIntervalSince1970: 1_000)))
        #expect(
            (drawnTimes.last?.wall ?? .distantPast) > Date(timeIntervalSince1970: 1), "a later tick reached a frame")
    }
}
