import ClusterModel
import Foundation
import TestSupport
import Testing

@testable import TUI

@Suite struct ClusterPaneSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    func render(
        _ console: ClusterConsole, _ state: AppState, status: ConnectionStatus = SampleCluster.status,
        detail: DetailTarget? = nil
    ) -> Screen {
        let header = status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        return ConsoleView(
            state: state, header: header, providers: console.providers, detail: detail.map(console.detail(for:))
        ).render()
    }

    @Test(arguments: PaneID.allCases, sizes)
    func paneSnapshot(pane: PaneID, size: Size) throws {
        let (console, state) = SampleCluster.console(size: size, focus: pane)
        try expectSnapshot(render(console, state).snapshot(), named: "cluster-\(pane.title.lowercased())-\(size)")
    }

    @Test func zGivesTheFocusedPaneTheWholeScreenAndBack() throws {
        let (console, initial) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .pods)
        var state = initial
        _ = reduce(&state, .keyPressed(.character("z")))
        #expect(state.isZoomed)
        #expect(state.visibleRows == 19)
        try expectSnapshot(render(console, state).snapshot(), named: "cluster-pods-zoomed-80x24")
        _ = reduce(&state, .keyPressed(.character("z")))
        #expect(!state.isZoomed)
        #expect(state.visibleRows == 12)
    }

    @Test func podDetailShowsContainersLastStateEventsAndSparklines() throws {
        let (console, initial) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .pods)
        var state = initial
        _ = reduce(&state, .keyPressed(.down))
        _ = reduce(&state, .keyPressed(.enter))
        let target = console.detailTarget(pane: .pods, row: state.focusedPane.cursor)
        #expect(target == .pod(ObjectKey(namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p")))
        try expectSnapshot(render(console, state, detail: target).snapshot(), named: "cluster-detail-pod-80x24")
        _ = reduce(&state, .keyPressed(.pageDown))
        try expectSnapshot(
            render(console, state, detail: target).snapshot(), named: "cluster-detail-pod-80x24-scrolled")
    }

    @Test func nodeDetailShowsConditionsAndRequests() throws {
        let (console, initial) = SampleCluster.console(size: Size(width: 200, height: 60), focus: .nodes)
        var state = initial
        _ = reduce(&state, .keyPressed(.down))
        _ = reduce(&state, .keyPressed(.enter))
        let target = console.detailTarget(pane: .nodes, row: state.focusedPane.cursor)
        #expect(target == .node("worker-eu-west-1a-02"))
        try expectSnapshot(render(console, state, detail: target).snapshot(), named: "cluster-detail-node-200x60")
    }

    @Test func signalRowOpensTheDetailOfItsSubject() {
        let (console, _) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .signals)
        #expect(
            console.detailTarget(pane: .signals, row: 0)
                == .pod(ObjectKey(namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p")))
        #expect(console.detailTarget(pane: .signals, row: 1) == .node("worker-eu-west-1b-07"))
    }

    @Test func helpOverTheClusterConsole() throws {
        let (console, initial) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .signals)
        var state = initial
        _ = reduce(&state, .keyPressed(.character("?")))
        try expectSnapshot(render(console, state).snapshot(), named: "cluster-help-80x24")
    }

    @Test func staleHeaderSaysForHowLongAndWhenTheNextTryIs() throws {
        let (console, state) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .signals)
        var status = SampleCluster.status
        status.health.staleSince = SampleCluster.ago(42)
        status.retry = (.seconds(10), SampleCluster.ago(2))
        try expectSnapshot(render(console, state, status: status).snapshot(), named: "cluster-stale-80x24")
        #expect(
            status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now).segments[3].role
                == .headerStale)
    }

    @Test func syncingHeaderShowsProgress() {
        var status = SampleCluster.status
        status.health = ConnectionHealth(lastContact: SampleCluster.now, syncedResources: ["nodes", "pods", "events"])
        let header = status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        #expect(header.segments.map(\.text).contains("syncing"))
        #expect(header.segments.last?.text.hasSuffix("3/\(ResourceKind.watched.count)") == true)
    }

    @Test func tooSmallTerminal() throws {
        let (console, state) = SampleCluster.console(size: Size(width: 30, height: 8), focus: .signals)
        try expectSnapshot(render(console, state).snapshot(), named: "cluster-too-small-30x8")
    }

    @Test func monoThemeMarksSeverityWithAttributes() throws {
        let mono = try ThemeLoader.load(name: "mono", directory: RepositoryPaths.themes)
        let (console, state) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .signals)
        try expectSnapshot(
            snapshotWithAttributes(render(console, state), theme: mono), named: "cluster-signals-80x24-mono")
    }
}
