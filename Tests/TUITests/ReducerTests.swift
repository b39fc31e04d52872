import Testing

@testable import TUI

@Suite struct ReducerNavigationTests {
    func state(rows: Int = 100, size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = AppState.sample(size: size)
        _ = reduce(&state, .rowsChanged(.pods, rowCount: rows, totalCount: rows))
        return state
    }

    func press(_ keys: Key..., on state: inout AppState) -> [AppEffect] {
        keys.flatMap { reduce(&state, .keyPressed($0)) }
    }

    @Test func vimAndArrowKeysMoveTheCursorWithinTheRows() {
        var state = state(rows: 3)
        _ = press(.character("j"), .down, .down, .down, on: &state)
        #expect(state.focusedPane.cursor == 2)
        _ = press(.character("k"), .up, .up, on: &state)
        #expect(state.focusedPane.cursor == 0)
        _ = press(.character("G"), on: &state)
        #expect(state.focusedPane.cursor == 2)
        _ = press(.character("g"), on: &state)
        #expect(state.focusedPane.cursor == 0)
    }

    @Test func pagingMovesByTheVisibleRowsAndScrollsToKeepTheCursorInView() {
        var state = state()
        let page = state.visibleRows
        _ = press(.pageDown, on: &state)
        #expect(state.focusedPane.cursor == page)
        #expect(state.focusedPane.scrollOffset == 1)
        _ = press(.character("G"), on: &state)
        #expect(state.focusedPane.scrollOffset == 100 - page)
        _ = press(.pageUp, .character("g"), on: &state)
        #expect(state.focusedPane.scrollOffset == 0)
    }

    @Test func tabShiftTabAndNumbersSwitchPanes() {
        var state = state()
        _ = press(.tab, on: &state)
        #expect(state.focus == .restarts)
        _ = press(.tab, .tab, on: &state)
        #expect(state.focus == .workloads)
        _ = press(.backTab, on: &state)
        #expect(state.focus == .timeline)
        for _ in PaneID.allCases { _ = press(.tab, on: &state) }
        #expect(state.focus == .timeline, "Tab wraps around every pane")
        _ = press(.character("2"), on: &state)
        #expect(state.focus == .nodes)
    }

    @Test func eachPaneKeepsItsOwnCursor() {
        var state = state()
        _ = press(.down, .down, .character("1"), on: &state)
        #expect(state.focusedPane.cursor == 0)
        _ = press(.character("3"), on: &state)
        #expect(state.focusedPane.cursor == 2)
    }

    @Test func shrinkingRowsPullsTheCursorBack() {
        var state = state()
        _ = press(.character("G"), on: &state)
        _ = reduce(&state, .rowsChanged(.pods, rowCount: 5, totalCount: 100))
        #expect(state.focusedPane.cursor == 4)
        #expect(state.focusedPane.scrollOffset == 0)
    }

    @Test func cursorFollowsTheSelectedObjectWhenTheProviderReportsWhereItMoved() {
        var state = state()
        _ = press(.down, on: &state)
        _ = reduce(&state, .rowsChanged(.pods, rowCount: 100, totalCount: 100, cursor: 57))
        #expect(state.focusedPane.cursor == 57)
        #expect(state.focusedPane.scrollOffset == 57 - state.visibleRows + 1)
    }

    @Test func resizingKeepsTheCursorInView() {
        var state = state(size: Size(width: 200, height: 60))
        _ = press(.character("G"), on: &state)
        _ = reduce(&state, .resized(Size(width: 80, height: 24)))
        #expect(state.size == Size(width: 80, height: 24))
        #expect(state.focusedPane.scrollOffset == 100 - state.visibleRows)
    }

    @Test func sortTogglesOnTheColumnUnderTheCursor() {
        var state = state()
        #expect(press(.character("s"), on: &state) == [.applyQuery(.pods, PaneQuery(sort: SortOrder(column: 0)))])
        #expect(
            press(.character("s"), on: &state) == [
                .applyQuery(.pods, PaneQuery(sort: SortOrder(column: 0, isAscending: false)))
            ])
        _ = press(.right, .right, on: &state)
        #expect(press(.character("s"), on: &state) == [.applyQuery(.pods, PaneQuery(sort: SortOrder(column: 2)))])
        _ = press(.right, .right, .right, .right, on: &state)
        #expect(state.focusedPane.selectedColumn == SamplePods.columns.count - 1)
    }

    @Test func enterOpensTheDetailAndEscGoesBack() {
        var state = state()
        _ = press(.down, on: &state)
        #expect(press(.enter, on: &state) == [.showDetail(.pods, row: 1)])
        #expect(state.mode == .detail(.pods, row: 1))
        _ = press(.escape, on: &state)
        #expect(state.mode == .normal)
    }

    @Test func runbookKeysRequestAPlanForTheSelectedRow() {
        var state = state()
        #expect(press(.character("m"), on: &state) == [.requestRunbook("raise-memory-limit", .pods, row: 0)])
    }

    @Test func disabledKeysExplainWhy() {
        var state = state()
        state.keymap = state.keymap.readOnly()
        #expect(press(.character("x"), on: &state).isEmpty)
        #expect(state.message == StatusMessage("Key 'x' is disabled: console is read-only", isError: true))
        _ = press(.down, on: &state)
        #expect(state.message == nil)
    }

    @Test func helpTogglesAndScrolls() {
        var state = state()
        _ = press(.character("?"), on: &state)
        #expect(state.mode == .help(scrollOffset: 0))
        _ = press(.character("j"), .character("j"), .character("k"), on: &state)
        #expect(state.mode == .help(scrollOffset: 1))
        _ = press(.character("?"), on: &state)
        #expect(state.mode == .normal)
    }

    @Test func quitAsksFirst() {
        var state = state()
        #expect(press(.character("q"), on: &state).isEmpty)
        #expect(state.mode == .confirmQuit)
        #expect(press(.character("n"), on: &state).isEmpty)
        #expect(state.mode == .normal)
        _ = press(.character("q"), on: &state)
        #expect(press(.character("y"), on: &state) == [.quit])
    }
}

@Suite struct ReducerPromptTests {
    func type(_ text: String, on state: inout AppState) -> [AppEffect] {
        text.flatMap { reduce(&state, .keyPressed(.character($0))) }
    }

    @Test func filterIsTypedThenAppliedWithEnter() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.down))
        _ = reduce(&state, .keyPressed(.character("/")))
        _ = type("ns:kube-system coredn", on: &state)
        _ = reduce(&state, .keyPressed(.backspace))
        #expect(state.mode == .filter("ns:kube-system cored"))
        let effects = reduce(&state, .keyPressed(.enter))
        let query = PaneQuery(filter: RowFilter(text: "cored", namespace: "kube-system"))
        #expect(effects == [.applyQuery(.pods, query)])
        #expect(state.focusedPane.query == query)
        #expect(state.focusedPane.cursor == 0)
        #expect(state.mode == .normal)
    }

    @Test func escCancelsTheFilterAndKeepsThePreviousOne() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("/")))
        _ = type("node:w1", on: &state)
        _ = reduce(&state, .keyPressed(.enter))
        _ = reduce(&state, .keyPressed(.character("/")))
        #expect(state.mode == .filter("node:w1"))
        _ = reduce(&state, .keyPressed(.control("u")))
        _ = type("other", on: &state)
        #expect(reduce(&state, .keyPressed(.escape)).isEmpty)
        #expect(state.focusedPane.query.filter == RowFilter(node: "w1"))
    }

    @Test func promptKeysAreTextNotCommands() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("/")))
        #expect(type("qjs", on: &state).isEmpty)
        #expect(state.mode == .filter("qjs"))
    }

    @Test(
        arguments: [
            ("ns kube-system", [AppEffect.switchNamespace("kube-system")], PaneID.pods, "Namespace: kube-system"),
            ("ns all", [.switchNamespace(nil)], .pods, "Namespace: all"),
            ("ctx prod-eu", [.switchContext("prod-eu")], .pods, "Switching to context prod-eu"),
            ("nodes", [], .nodes, nil),
            ("signals", [], .signals, nil),
            ("q", [.quit], .pods, nil),
        ] as [(String, [AppEffect], PaneID, String?)])
    func commandsRunOnEnter(command: String, effects: [AppEffect], focus: PaneID, message: String?) {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character(":")))
        _ = type(command, on: &state)
        #expect(reduce(&state, .keyPressed(.enter)) == effects)
        #expect(state.focus == focus)
        #expect(state.message?.text == message)
        #expect(state.mode == .normal)
    }

    @Test(arguments: [
        ("foo", "Unknown command 'foo'"),
        ("ns", "Command ':ns' needs an argument: :ns NAME|all"),
        ("", "Type a command after ':' (:ns, :ctx, :runbook, :pods, :nodes, :signals, :q)"),
    ])
    func badCommandsLeaveAOneLineError(command: String, message: String) {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character(":")))
        _ = type(command, on: &state)
        #expect(reduce(&state, .keyPressed(.enter)).isEmpty)
        #expect(state.message == StatusMessage(message, isError: true))
    }
}

@Suite struct ReducerHelpTests {
    @Test func helpScrollStopsAtTheLastPage() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("?")))
        _ = reduce(&state, .keyPressed(.character("G")))
        guard case .help(let last) = state.mode else {
            Issue.record("help closed")
            return
        }
        #expect(last > 0)
        _ = reduce(&state, .keyPressed(.down))
        #expect(state.mode == .help(scrollOffset: last))
        _ = reduce(&state, .keyPressed(.pageUp))
        _ = reduce(&state, .keyPressed(.pageUp))
        #expect(state.mode == .help(scrollOffset: 0))
    }
}
