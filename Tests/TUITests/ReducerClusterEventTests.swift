import Foundation
import Testing

@testable import TUI

@Suite struct ReducerClusterEventTests {
    @Test func clusterUpdateAsksTheLoopToRefresh() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        #expect(reduce(&state, .clusterUpdated) == [.refreshCluster])
    }

    @Test func postedMessageShowsInTheFooter() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .messagePosted(StatusMessage("Runbook 'cordon' is not available yet", isError: true)))
        #expect(state.message?.isError == true)
    }

    @Test func detailScrollsWithMovementKeysAndResetsOnBack() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.enter))
        _ = reduce(&state, .keyPressed(.character("j")))
        _ = reduce(&state, .keyPressed(.pageDown))
        #expect(state.detailScrollOffset == 1 + 20)
        _ = reduce(&state, .keyPressed(.escape))
        #expect(state.mode == .normal)
        #expect(state.detailScrollOffset == 0)
    }

    @Test func ticksSetTheTimeTheScreenShows() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        let time = ConsoleTime(wall: Date(timeIntervalSince1970: 1_000), cluster: Date(timeIntervalSince1970: 9_000))
        #expect(reduce(&state, .tick(time)).isEmpty)
        #expect(state.time == time)
    }

    @Test func anUnavailableDetailClosesTheDetailViewAndSaysWhy() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("j")))
        #expect(reduce(&state, .keyPressed(.enter)) == [.showDetail(.pods, row: 1)])
        #expect(state.mode == .detail(.pods, row: 1))
        #expect(reduce(&state, .detailUnavailable(reason: "No detail view for this row")).isEmpty)
        #expect(state.mode == .normal)
        #expect(state.focusedPane.cursor == 1)
        #expect(state.message == StatusMessage("No detail view for this row", isError: true))
    }

    @Test func anUnavailableDetailUnderHelpReturnsToTheTable() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        state.mode = .help(scrollOffset: 0)
        state.underlyingMode = .detail(.pods, row: 0)
        _ = reduce(&state, .detailUnavailable(reason: "gone"))
        #expect(state.mode == .help(scrollOffset: 0))
        #expect(!state.isShowingDetail)
    }

    @Test func aFailedSwitchIsReportedAsAnError() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .switchFailed(reason: "context 'nope' is not defined"))
        #expect(state.message == StatusMessage("context 'nope' is not defined", isError: true))
        #expect(state.mode == .normal)
    }
}
