import ClusterModel
import Testing

@testable import TUI

@Suite struct EventPaneTests {
    @Test func warningsAreListedByObjectAndReasonNewestFirst() {
        let (console, _) = SampleCluster.console(size: Size(width: 200, height: 60), focus: .events)
        let rows = (0..<console.events.rowCount).compactMap { console.events.row(at: $0) }
        #expect(rows.map(\.group.reason) == ["BackOff", "OOMKilling", "FailedScheduling"])
        #expect(rows.first?.group.count == 14, "two BackOff Event objects of one pod add up")
    }

    @Test func capitalAShowsNormalEventsTooAndBack() {
        var (console, state) = SampleCluster.console(size: Size(width: 200, height: 60), focus: .signals)
        let effects = reduce(&state, .keyPressed(.character("A")))
        #expect(effects == [.showNormalEvents(true)])
        #expect(state.focus == .events)
        for event in console.showNormalEvents(true, state: state) { _ = reduce(&state, event) }
        let reasons = (0..<console.events.rowCount).compactMap { console.events.row(at: $0)?.group.reason }
        #expect(reasons.contains("NodeNotReady") && reasons.contains("Started"))
        #expect(state.panes[.events]?.rowCount == 5)
        _ = console.showNormalEvents(false, state: state)
        #expect(console.events.rowCount == 3)
    }

    @Test func anEventRowLeadsToItsObjectsDetailAndLog() {
        let (console, _) = SampleCluster.console(size: Size(width: 200, height: 60), focus: .events)
        #expect(
            console.detailTarget(pane: .events, row: 0)
                == .pod(ObjectKey(namespace: "kube-system", name: "coredns-7db6d8ff4d-qq8mz")))
        #expect(console.logSubject(pane: .events, row: 2)?.pod == "cart-7c8d9e-z9y8x")
    }
}
