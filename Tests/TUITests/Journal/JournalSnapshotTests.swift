import Foundation
import Testing

@testable import TUI

@Suite struct JournalSnapshotTests {
    func render(_ console: ClusterConsole, _ state: AppState) -> String {
        let header = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        return ConsoleView(state: state, header: header, providers: console.providers).render().snapshot()
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func milestonesListShowsSetTimesAndProposals(size: Size) throws {
        let (console, initial) = SampleCluster.console(size: size, focus: .timeline)
        var state = initial
        _ = reduce(&state, .tick(ConsoleTime(wall: SampleCluster.now, cluster: SampleCluster.now)))
        _ = reduce(&state, .keyPressed(.character("M")))
        try expectSnapshot(render(console, state), named: "journal-milestones-\(size)")
    }

    @Test func theOfferToOpenAnIncidentNamesTheSignal() throws {
        let (console, initial) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .signals)
        var state = initial
        state.journal = JournalState()
        _ = reduce(&state, .journal(.criticalSeen(suggestedTitle: "OOMKilled: kube-system/coredns-7db6d8ff4d-x2k9p")))
        try expectSnapshot(render(console, state), named: "journal-offer-80x24")
        _ = reduce(&state, .keyPressed(.character("I")))
        try expectSnapshot(render(console, state), named: "journal-title-prompt-80x24")
    }

    @Test func hiddenEntriesShowOnlyOnTheToggle() {
        var (console, state) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .timeline)
        #expect(console.timeline.rowCount == 7)
        _ = reduce(&state, .keyPressed(.character("H")))
        SampleJournal.show(in: &console, &state)
        #expect(console.timeline.rowCount == 8)
        #expect(console.timeline.row(at: 7)?.text == "ignore: typo (hidden)")
    }
}
