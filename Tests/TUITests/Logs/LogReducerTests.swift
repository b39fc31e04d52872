import ClusterModel
import Testing

@testable import TUI

/// The log view's keys and stream events, through `reduce`.
@Suite struct LogReducerTests {
    static let size = Size(width: 80, height: 24)

    func press(_ keys: Key..., on state: inout AppState) -> [AppEffect] {
        keys.flatMap { reduce(&state, .keyPressed($0)) }
    }

    func type(_ text: String, on state: inout AppState) {
        for character in text { _ = reduce(&state, .keyPressed(.character(character))) }
    }

    /// The CoreDNS log open (stream 1) with `lines` received.
    func opened(_ lines: [LogLine] = SampleLogs.story, size: Size = size) -> AppState {
        var state = AppState.sample(size: size)
        _ = reduce(&state, .logSubjectResolved(SampleLogs.coredns))
        _ = reduce(&state, .logLinesReceived(stream: 1, lines))
        return state
    }

    static func request(_ container: String, pod: String = SampleLogs.coredns.pod, previous: Bool = false)
        -> LogRequest
    {
        LogRequest(
            namespace: pod == SampleLogs.coredns.pod ? "kube-system" : "shop", pod: pod, container: container,
            tailLines: 100_000, previous: previous)
    }

    @Test func lOnAPodRowAsksForTheRowsLog() {
        var state = AppState.sample(size: Self.size)
        _ = press(.down, on: &state)
        #expect(press(.character("l"), on: &state) == [.resolveLogSubject(.pods, row: 1)])
        #expect(state.mode == .normal)
    }

    @Test func lInTheDetailViewAsksForTheLogOfItsRow() {
        var state = AppState.sample(size: Self.size)
        _ = press(.down, .enter, on: &state)
        #expect(press(.character("l"), on: &state) == [.resolveLogSubject(.pods, row: 1)])
    }

    @Test func hAndLNoLongerMoveColumnsButArrowsDo() {
        var state = AppState.sample(size: Self.size)
        _ = press(.character("h"), .character("l"), on: &state)
        #expect(state.focusedPane.selectedColumn == 0)
        _ = press(.right, .right, .left, on: &state)
        #expect(state.focusedPane.selectedColumn == 1)
    }

    @Test func aPodWithOneContainerOpensItsLogFollowing() {
        var state = AppState.sample(size: Self.size)
        let effects = reduce(&state, .logSubjectResolved(SampleLogs.coredns))
        #expect(effects == [.openLogStream(1, Self.request("coredns"))])
        #expect(state.mode == .log)
        #expect(state.logs.view?.isFollowing == true)
        #expect(state.logs.view?.phase == .loading)
    }

    @Test func aContainerRowOpensThatContainerWithoutAsking() {
        var state = AppState.sample(size: Self.size)
        var subject = SampleLogs.checkout
        subject.container = "log-shipper"
        #expect(
            reduce(&state, .logSubjectResolved(subject)) == [
                .openLogStream(1, Self.request("log-shipper", pod: subject.pod))
            ])
    }

    @Test func aPodWithSeveralContainersAsksWhichStartingAtTheOneThatRestarted() {
        var state = AppState.sample(size: Self.size)
        #expect(reduce(&state, .logSubjectResolved(SampleLogs.checkout)).isEmpty)
        #expect(state.mode == .chooseContainer)
        #expect(state.logs.picker?.cursor == 1)
        _ = press(.character("k"), on: &state)
        #expect(
            press(.enter, on: &state) == [.openLogStream(1, Self.request("api", pod: SampleLogs.checkout.pod))])
        #expect(state.mode == .log)
        #expect(state.logs.picker == nil)
    }

    @Test func escInThePickerGoesBackWithoutALog() {
        var state = AppState.sample(size: Self.size)
        _ = reduce(&state, .logSubjectResolved(SampleLogs.checkout))
        #expect(press(.escape, on: &state).isEmpty)
        #expect(state.mode == .normal)
        #expect(state.logs.picker == nil && state.logs.view == nil)
    }

    @Test func pSwitchesBetweenTheCurrentAndThePreviousRunOnANewStream() {
        var state = opened()
        #expect(
            press(.character("p"), on: &state) == [
                .closeLogStream(1), .openLogStream(2, Self.request("coredns", previous: true)),
            ])
        #expect(state.logs.view?.isPrevious == true)
        #expect(state.logs.view?.lines.isEmpty == true)
        #expect(press(.character("p"), on: &state) == [.closeLogStream(2), .openLogStream(3, Self.request("coredns"))])
        #expect(state.logs.view?.isPrevious == false)
    }

    @Test func linesOfAClosedStreamAreIgnored() {
        var state = opened()
        _ = press(.character("p"), on: &state)
        _ = reduce(&state, .logLinesReceived(stream: 1, SampleLogs.numbered(3)))
        #expect(state.logs.view?.lines.isEmpty == true)
        _ = reduce(&state, .logLinesReceived(stream: 2, SampleLogs.numbered(3)))
        #expect(state.logs.view?.lines.count == 3)
        #expect(state.logs.view?.phase == .streaming)
    }

    @Test(arguments: [
        (nil, LogViewState.Phase.ended),
        ("previous terminated container not found", .failed("previous terminated container not found")),
    ])
    func theEndOfTheStreamIsKept(failure: String?, phase: LogViewState.Phase) {
        var state = opened()
        _ = reduce(&state, .logStreamEnded(stream: 1, failure: failure))
        #expect(state.logs.view?.phase == phase)
    }

    @Test func scrollingUpStopsFollowingNewLinesLeaveTheViewAndGFollowsAgain() throws {
        var state = opened()
        let layout = LogLayout(size: Self.size)
        let end = try #require(state.logs.view).lines.endNumber
        _ = press(.character("k"), .character("k"), on: &state)
        var view = try #require(state.logs.view)
        #expect(!view.isFollowing)
        #expect(layout.firstLine(of: view) == end - layout.text.height - 2)
        _ = reduce(&state, .logLinesReceived(stream: 1, SampleLogs.numbered(50)))
        view = try #require(state.logs.view)
        #expect(layout.firstLine(of: view) == end - layout.text.height - 2, "the view stays where it was")
        _ = press(.character("G"), on: &state)
        view = try #require(state.logs.view)
        #expect(view.isFollowing)
        #expect(layout.firstLine(of: view) == view.lines.endNumber - layout.text.height)
        _ = press(.character("g"), on: &state)
        #expect(state.logs.view.map(layout.firstLine(of:)) == 0)
    }

    @Test func fTogglesFollowingAndKeepsThePlaceWhenItStops() throws {
        var state = opened()
        let layout = LogLayout(size: Self.size)
        let shown = layout.firstLine(of: try #require(state.logs.view))
        _ = press(.character("f"), on: &state)
        _ = reduce(&state, .logLinesReceived(stream: 1, SampleLogs.numbered(10)))
        var view = try #require(state.logs.view)
        #expect(!view.isFollowing && layout.firstLine(of: view) == shown)
        _ = press(.character("f"), on: &state)
        view = try #require(state.logs.view)
        #expect(view.isFollowing && layout.firstLine(of: view) == shown + 10)
    }

    @Test func wTogglesWrapping() {
        var state = opened()
        _ = press(.character("w"), on: &state)
        #expect(state.logs.view?.wraps == true)
        _ = press(.character("w"), on: &state)
        #expect(state.logs.view?.wraps == false)
    }

    @Test func searchFocusesTheNearestMatchAndNAndShiftNMoveBetweenMatches() throws {
        var state = opened()
        _ = press(.character("/"), on: &state)
        #expect(state.logs.view?.searchInput == "")
        type("ENTRIES (", on: &state)
        _ = press(.enter, on: &state)
        var search = try #require(state.logs.view?.search)
        #expect(search.matches.count == 9, "the nine cache reports")
        #expect(search.current == search.matches.last, "while following, the newest match")
        #expect(state.logs.view?.isFollowing == false)
        _ = press(.character("N"), on: &state)
        search = try #require(state.logs.view?.search)
        #expect(search.current == search.matches[7])
        _ = press(.character("n"), .character("n"), on: &state)
        #expect(state.logs.view?.search?.current == search.matches[8])
        #expect(state.message?.text == "No match below (9 in all)")
    }

    @Test func aSearchWithoutMatchesSaysSo() {
        var state = opened()
        _ = press(.character("/"), on: &state)
        type("segfault", on: &state)
        _ = press(.enter, on: &state)
        #expect(state.message == StatusMessage("No match for 'segfault'", isError: true))
        #expect(state.logs.view?.isFollowing == true)
    }

    @Test func escWhileTypingCancelsTheSearchNotTheView() {
        var state = opened()
        _ = press(.character("/"), on: &state)
        type("cache", on: &state)
        #expect(press(.escape, on: &state).isEmpty)
        #expect(state.mode == .log && state.logs.view?.search == nil && state.logs.view?.searchInput == nil)
    }

    @Test(arguments: [false, true])
    func escLeavesTheLogClosesItsStreamAndReturnsWhereItCameFrom(fromDetail: Bool) {
        var state = AppState.sample(size: Self.size)
        if fromDetail { _ = press(.enter, on: &state) }
        let before = state.mode
        _ = reduce(&state, .logSubjectResolved(SampleLogs.coredns))
        #expect(press(.escape, on: &state) == [.closeLogStream(1)])
        #expect(state.mode == before)
        #expect(state.logs.view == nil)
    }

    @Test func helpOverTheLogAndQuitQuestionKeepTheLogUnderneath() {
        var state = opened()
        _ = press(.character("?"), on: &state)
        #expect(state.isShowingLog)
        _ = press(.escape, on: &state)
        #expect(state.mode == .log)
        _ = press(.character("q"), on: &state)
        #expect(state.isShowingLog && state.mode == .confirmQuit)
        _ = press(.character("n"), on: &state)
        #expect(state.mode == .log)
    }

    @Test func theBufferKeepsTheLastHundredThousandLinesWhileFollowing() throws {
        var state = opened([])
        for batch in 0..<11 {
            _ = reduce(&state, .logLinesReceived(stream: 1, SampleLogs.numbered(10_000, from: batch * 10_000)))
        }
        let lines = try #require(state.logs.view?.lines)
        #expect(lines.count == 100_000)
        #expect(lines[lines.firstNumber]?.text.hasPrefix("line 10000 ") == true)
        #expect(lines[lines.endNumber - 1]?.text.hasPrefix("line 109999 ") == true)
    }
}
