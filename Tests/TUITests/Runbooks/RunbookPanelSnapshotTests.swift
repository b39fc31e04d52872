import Testing

@testable import TUI

/// The runbook panel in the cell grid at the smallest supported and a large terminal.
@Suite struct RunbookPanelSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]
    static let phases: [(String, RunbookPanel)] = [
        ("parameters", SamplePanels.preparing), ("diff", SamplePanels.reviewing),
        ("confirmation", SamplePanels.confirming), ("progress", SamplePanels.running),
        ("replanned", SamplePanels.replanned), ("refusal", SamplePanels.refused),
    ]

    @Test(arguments: phases.map(\.0), sizes)
    func panelSnapshot(phase: String, size: Size) throws {
        let panel = try #require(Self.phases.first { $0.0 == phase }?.1)
        let (console, initial) = SampleCluster.console(size: size, focus: .signals)
        var state = initial
        _ = reduce(&state, .runbookStarted(panel))
        let header = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        let screen = ConsoleView(state: state, header: header, providers: console.providers).render()
        try expectSnapshot(screen.snapshot(), named: "runbook-\(phase)-\(size)")
    }

    @Test func theConfirmationNamesTheContextAndNamespace() {
        let view = RunbookPanelView(panel: SamplePanels.confirming)
        #expect(view.prompt.text == "Apply to context prod-eu, namespace kube-system?  y yes · n no")
    }

    @Test func aTypedConfirmationShowsTheNameToTypeAndWhatWasTyped() {
        var panel = SamplePanels.confirming
        panel.confirmation = .typeName("coredns-7db6d8ff4d-x2k9p")
        panel.phase = .confirming(typed: "core")
        #expect(
            RunbookPanelView(panel: panel).prompt.text
                == "Type 'coredns-7db6d8ff4d-x2k9p' then Enter to apply in context prod-eu, namespace kube-system: core▏"
        )
    }
}
