import ClusterModel
import Foundation
import Testing

@testable import TUI

/// The log view and the container picker drawn into the cell grid over the cluster console.
@Suite struct LogViewSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    func render(_ state: AppState) -> Screen {
        let (console, _) = SampleCluster.console(size: state.size, focus: .pods)
        let header = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        return ConsoleView(state: state, header: header, providers: console.providers).render()
    }

    func opened(size: Size, previous: Bool = false) -> AppState {
        var state = ClusterConsole.initialState(size: size)
        state.focus = .pods
        _ = reduce(&state, .logSubjectResolved(SampleLogs.coredns))
        if previous { _ = reduce(&state, .keyPressed(.character("p"))) }
        let stream = state.logs.lastStream
        _ = reduce(&state, .logLinesReceived(stream: stream, SampleLogs.story))
        return state
    }

    @Test(arguments: sizes)
    func followingTheCurrentRun(size: Size) throws {
        try expectSnapshot(render(opened(size: size)).snapshot(), named: "log-following-\(size)")
    }

    @Test(arguments: sizes)
    func thePreviousRunEndsAtTheKillWithASearchInFocus(size: Size) throws {
        var state = opened(size: size, previous: true)
        _ = reduce(&state, .logStreamEnded(stream: state.logs.lastStream, failure: nil))
        _ = reduce(&state, .keyPressed(.character("/")))
        for character in "entries (" { _ = reduce(&state, .keyPressed(.character(character))) }
        _ = reduce(&state, .keyPressed(.enter))
        _ = reduce(&state, .keyPressed(.character("N")))
        try expectSnapshot(render(state).snapshot(), named: "log-previous-search-\(size)")
    }

    @Test func wrappedLinesAt80Columns() throws {
        var state = opened(size: Size(width: 80, height: 24), previous: true)
        _ = reduce(&state, .keyPressed(.character("w")))
        try expectSnapshot(render(state).snapshot(), named: "log-wrapped-80x24")
    }

    @Test func theServersRefusalIsShownInTheView() throws {
        var state = ClusterConsole.initialState(size: Size(width: 80, height: 24))
        _ = reduce(&state, .logSubjectResolved(SampleLogs.coredns))
        _ = reduce(&state, .keyPressed(.character("p")))
        _ = reduce(
            &state,
            .logStreamEnded(
                stream: 2,
                failure: "previous terminated container \"coredns\" in pod \"coredns-7db6d8ff4d-x2k9p\" not found"))
        try expectSnapshot(render(state).snapshot(), named: "log-refused-80x24")
    }

    @Test func theSearchPromptReplacesTheFooter() throws {
        var state = opened(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("/")))
        for character in "ndots" { _ = reduce(&state, .keyPressed(.character(character))) }
        let screen = render(state)
        #expect(screen.textLines().last?.hasPrefix("/ndots") == true)
    }

    @Test(arguments: sizes)
    func theContainerPicker(size: Size) throws {
        var state = ClusterConsole.initialState(size: size)
        _ = reduce(&state, .logSubjectResolved(SampleLogs.checkout))
        try expectSnapshot(render(state).snapshot(), named: "log-container-picker-\(size)")
    }

    @Test func helpInTheLogListsItsKeys() throws {
        var state = opened(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("?")))
        try expectSnapshot(render(state).snapshot(), named: "log-help-80x24")
        let help = state.keymap.helpLines(for: .log, width: 76).map(\.text)
        for description in ["Previous run", "Follow new lines", "Wrap long lines", "Search the log", "Next match"] {
            #expect(help.contains { $0.contains(description) }, "\(description)")
        }
        #expect(
            state.keymap.helpLines(for: .table, width: 76).contains {
                $0.text.contains("Show the container's log")
            })
    }
}
