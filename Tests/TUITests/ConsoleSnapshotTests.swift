import TestSupport
import Testing

@testable import TUI

@Suite struct ConsoleSnapshotTests {
    let header = HeaderBar(
        segments: [
            HeaderSegment("ctx prod-eu"),
            HeaderSegment("https://10.0.0.1:6443"),
            HeaderSegment("ns all"),
            HeaderSegment("connected", role: .headerOK),
        ], trailing: "03:12:45 UTC")

    func render(_ state: AppState) -> Screen {
        var pods = SamplePods.pane()
        pods.apply(state.panes[.pods]?.query ?? PaneQuery())
        return ConsoleView(state: state, header: header, providers: [.pods: pods]).render()
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func podsPaneWithWideNamesAndTruncation(size: Size) throws {
        var state = AppState.sample(size: size)
        _ = reduce(&state, .keyPressed(.down))
        _ = reduce(&state, .keyPressed(.down))
        _ = reduce(&state, .keyPressed(.down))
        try expectSnapshot(render(state).snapshot(), named: "pods-\(size)")
    }

    @Test func sortedAndFilteredPodsShowTheirCountsAndIndicator() throws {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.right))
        _ = reduce(&state, .keyPressed(.character("s")))
        _ = reduce(&state, .keyPressed(.character("/")))
        _ = "worker-eu".map { reduce(&state, .keyPressed(.character($0))) }
        _ = reduce(&state, .keyPressed(.enter))
        var pods = SamplePods.pane()
        pods.apply(state.focusedPane.query)
        _ = reduce(&state, .rowsChanged(.pods, rowCount: pods.rowCount, totalCount: pods.totalCount))
        try expectSnapshot(render(state).snapshot(), named: "pods-sorted-filtered-80x24")
    }

    @Test func filterPromptReplacesTheFooter() throws {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("/")))
        _ = "ns:商店 支付".map { reduce(&state, .keyPressed(.character($0))) }
        let lines = render(state).textLines()
        #expect(lines.last == "/ns:商店 支付 " + String(repeating: " ", count: 80 - 14))
    }

    @Test func helpModal() throws {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("?")))
        try expectSnapshot(render(state).snapshot(), named: "help-80x24")
    }

    @Test func quitConfirmation() throws {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("q")))
        try expectSnapshot(render(state).snapshot(), named: "confirm-quit-80x24")
    }

    @Test func unknownCommandShowsInTheFooter() {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character(":")))
        _ = "foo".map { reduce(&state, .keyPressed(.character($0))) }
        _ = reduce(&state, .keyPressed(.enter))
        #expect(render(state).textLines().last?.hasPrefix("Unknown command 'foo'  Tab pane") == true)
    }

    @Test(arguments: [Size(width: 39, height: 24), Size(width: 80, height: 9)])
    func tooSmallTerminal(size: Size) throws {
        try expectSnapshot(render(AppState.sample(size: size)).snapshot(), named: "too-small-\(size)")
    }

    @Test func monoThemeMarksRolesWithAttributesOnly() throws {
        let mono = try ThemeLoader.load(name: "mono", directory: RepositoryPaths.themes)
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.down))
        try expectSnapshot(snapshotWithAttributes(render(state), theme: mono), named: "pods-80x24-mono")
    }

    @Test func redrawingAfterOneKeyChangesFewCells() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        var state = AppState.sample(size: terminal.size)
        terminal.draw(render(state))
        _ = reduce(&state, .keyPressed(.down))
        terminal.draw(render(state))
        #expect(terminal.lastChangeCount > 0)
        #expect(terminal.lastChangeCount <= 2 * 78)
    }
}

extension ConsoleSnapshotTests {
    @Test func helpModalScrolledToTheEnd() throws {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        state.keymap = state.keymap.readOnly()
        _ = reduce(&state, .keyPressed(.character("?")))
        _ = reduce(&state, .keyPressed(.character("G")))
        try expectSnapshot(render(state).snapshot(), named: "help-end-read-only-80x24")
    }
}

extension ConsoleSnapshotTests {
    @Test func staleHeaderStandsOutInEveryTheme() throws {
        let stale = HeaderBar(
            segments: [
                HeaderSegment("ctx prod-eu"),
                HeaderSegment("stale for 42s, reconnecting in 8s", role: .headerStale),
            ], trailing: UTCClock.text(secondsSince1970: 11_565))
        var screen = Screen(size: Size(width: 80, height: 1))
        stale.render(in: screen.bounds, on: &screen)
        var text = screen.snapshot()
        for name in ["default", "mono"] {
            let theme = try ThemeLoader.load(name: name, directory: RepositoryPaths.themes)
            text +=
                "\n\(name):\n" + screen.attributeLines(theme: theme).map { "|\($0)|" }.joined(separator: "\n") + "\n"
        }
        try expectSnapshot(text, named: "header-stale-80")
    }
}

extension ConsoleSnapshotTests {
    @Test func shortTerminalCollapsesToTheFocusedPane() throws {
        var state = AppState.sample(size: Size(width: 50, height: 12))
        _ = reduce(&state, .keyPressed(.character("G")))
        try expectSnapshot(render(state).snapshot(), named: "pods-50x12")
    }
}
