import Testing

@testable import TUI

@Suite struct DetailViewTests {
    static let oomDetail = DetailView(
        title: "Pod kube-system/coredns-7db6d8ff4d-x2k9p",
        charts: [
            DetailChart(
                "Memory",
                sparkline: Sparkline(values: [90, 110, 130, 150, 165, 169, 40, 80, 120, 160, 169], limit: 170),
                caption: "169Mi / 170Mi"),
            DetailChart(
                "Throttled", sparkline: Sparkline(values: [0, 5, 10, 30, 60, 40], limit: 25), caption: "40% of periods"),
        ],
        sections: [
            DetailSection(
                "Container coredns",
                fields: [
                    DetailField("State", "Running (restarted 7×, last 2m ago)"),
                    DetailField("Last state", "Terminated: OOMKilled, exit code 137", role: .severityCritical),
                    DetailField("Requests", "cpu 100m, memory 70Mi"),
                    DetailField("Limits", "memory 170Mi"),
                ]),
            DetailSection(
                "Events",
                fields: [
                    DetailField("2m", "Back-off restarting failed container coredns", role: .severityWarning),
                    DetailField("10m", "Container coredns exceeded its memory limit (OOMKilled) 🔥"),
                ]),
        ]
    )

    @Test func detailViewWithChartsAndSections() throws {
        var screen = Screen(size: Size(width: 80, height: 20))
        Self.oomDetail.render(in: screen.bounds, on: &screen)
        try expectSnapshot(screen.snapshot(), named: "detail-80x20")
    }

    @Test func detailViewScrollsByLine() {
        var detail = Self.oomDetail
        detail.scrollOffset = 100
        var screen = Screen(size: Size(width: 60, height: 6))
        detail.render(in: screen.bounds, on: &screen)
        #expect(detail.lineCount == 12)
        #expect(screen.textLines()[4].contains("10m"))
    }
}

extension DetailViewTests {
    @Test func consoleShowsTheDetailOverThePanesWithItsKeys() throws {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.enter))
        let screen = ConsoleView(
            state: state, header: HeaderBar(segments: [HeaderSegment("ctx prod-eu")]),
            providers: [.pods: SamplePods.pane()], detail: Self.oomDetail
        ).render()
        try expectSnapshot(screen.snapshot(), named: "detail-in-console-80x24")
        _ = reduce(&state, .keyPressed(.character("?")))
        #expect(state.isShowingDetail)
        _ = reduce(&state, .keyPressed(.escape))
        _ = reduce(&state, .keyPressed(.escape))
        #expect(!state.isShowingDetail)
    }
}
