import Testing

@testable import TUI

/// Mode changes, driven by pressing keys by meaning (whatever key the key map binds).
@Suite struct ReducerModeTests {
    var state = AppState.sample(size: Size(width: 80, height: 24))

    @discardableResult
    mutating func press(_ actions: Action...) -> [AppEffect] {
        actions.flatMap { action in
            state.keymap.key(for: action).map { reduce(&state, .keyPressed($0)) } ?? []
        }
    }

    @Test mutating func backInATableClearsTheFilter() {
        state.focusedPane.query.filter = RowFilter(namespace: "shop")
        #expect(press(.back) == [.applyQuery(.pods, PaneQuery())])
        #expect(press(.back).isEmpty)
    }

    @Test mutating func helpFromTheDetailViewListsDetailKeysAndReturnsThere() {
        press(.moveDown, .detail, .help)
        #expect(state.mode == .help(scrollOffset: 0))
        #expect(state.helpModal.lines.contains { $0.text.contains("Delete the pod") })
        #expect(!state.helpModal.lines.contains { $0.text.contains("Filter rows") })
        press(.back)
        #expect(state.mode == .detail(.pods, row: 1))
    }

    @Test mutating func movementInTheDetailViewLeavesTheTableCursorAlone() {
        press(.detail, .moveDown, .bottom)
        #expect(state.focusedPane.cursor == 0)
        #expect(press(.runbook("delete-pod")) == [.requestRunbook("delete-pod", .pods, row: 0)])
    }

    @Test mutating func cancellingQuitReturnsToTheModeUnderneath() {
        press(.detail, .quit)
        #expect(state.mode == .confirmQuit)
        _ = reduce(&state, .keyPressed(.character("n")))
        #expect(state.mode == .detail(.pods, row: 0))
    }

    @Test mutating func quitFromHelpStillAsksFirst() {
        press(.help, .quit)
        #expect(state.mode == .confirmQuit)
        #expect(reduce(&state, .keyPressed(.character("y"))) == [.quit])
    }

    @Test mutating func detailNeedsARow() {
        state.focus = .signals
        #expect(press(.detail).isEmpty)
        #expect(state.mode == .normal)
    }
}
