import ClusterModel
import Foundation
import Testing

@testable import TUI

/// The Signals pane lists one line per workload and signal kind; Enter lists its pods under it.
@Suite struct SignalGroupPaneTests {
    /// The sample cluster with the second CoreDNS replica OOM-killed too.
    func console(size: Size = Size(width: 200, height: 60)) -> (ClusterConsole, AppState) {
        var data = SampleCluster.data
        data.observations.append(
            Observation(
                id: "oomKilled/kube-system/coredns-7db6d8ff4d-qq8mz/coredns", kind: .oomKilled, severity: .critical,
                subject: ObservationSubject(
                    kind: "Pod", namespace: "kube-system", name: "coredns-7db6d8ff4d-qq8mz", container: "coredns"),
                firstSeen: SampleCluster.ago(500), lastSeen: SampleCluster.ago(15), count: 5,
                summary: "OOMKilled 5× in 8m at limit 170Mi, working set 170Mi"))
        var console = ClusterConsole()
        var state = ClusterConsole.initialState(size: size)
        for event in console.update(ClusterRows(data), data: data, state: state) { _ = reduce(&state, event) }
        return (console, state)
    }

    func lines(_ console: ClusterConsole) -> [SignalRow] {
        (0..<console.signals.rowCount).compactMap { console.signals.row(at: $0) }
    }

    @Test func replicasWithTheSameSignalAreOneLineNamingTheirWorkload() throws {
        let (console, _) = console()
        let first = try #require(lines(console).first)
        #expect(first.subject == "▸ Deployment kube-system/coredns")
        #expect(first.evidence == "2 pods OOMKilled")
        #expect(first.isExpandable)
        #expect(
            lines(console).count == 4, "two OOM kills are one line; the node, throttling and pending ones stand alone")
    }

    @Test func enterListsThePodsUnderTheLineAndFoldsThemBack() throws {
        var (console, state) = console()
        _ = reduce(&state, .keyPressed(.enter))
        let toggled = console.toggleSignalGroup(at: 0, state: state)
        let events = try #require(toggled)
        for event in events + [.groupToggled] { _ = reduce(&state, event) }
        #expect(state.mode == .normal, "expanding is not a detail view")
        #expect(
            lines(console).map(\.subject).prefix(3) == [
                "▾ Deployment kube-system/coredns",
                "  └ kube-system/coredns-7db6d8ff4d-qq8mz [coredns]",
                "  └ kube-system/coredns-7db6d8ff4d-x2k9p [coredns]",
            ])
        #expect(
            console.detailTarget(pane: .signals, row: 1)
                == .pod(ObjectKey(namespace: "kube-system", name: "coredns-7db6d8ff4d-qq8mz")))
        #expect(console.toggleSignalGroup(at: 1, state: state) == nil, "a member line is no group")
        _ = console.toggleSignalGroup(at: 0, state: state)
        #expect(lines(console).count == 4)
    }

    @Test func aLoneSignalOpensItsDetailAsBefore() {
        var (console, state) = console()
        _ = reduce(&state, .rowsChanged(.signals, rowCount: 4, totalCount: 4, cursor: 1))
        #expect(console.toggleSignalGroup(at: 1, state: state) == nil)
        #expect(console.detailTarget(pane: .signals, row: 1) == .node("worker-eu-west-1b-07"))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func anExpandedGroupListsItsPodsUnderIt(size: Size) throws {
        var (console, state) = console(size: size)
        for event in console.toggleSignalGroup(at: 0, state: state) ?? [] { _ = reduce(&state, event) }
        let header = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        let screen = ConsoleView(state: state, header: header, providers: console.providers).render()
        try expectSnapshot(screen.snapshot(), named: "cluster-signals-group-\(size)")
    }
}
