import ClusterModel
import Foundation
import TestSupport
import Testing

@testable import TUI

@Suite struct WorkloadPaneTests {
    func render(_ console: ClusterConsole, _ state: AppState, detail: DetailTarget? = nil) -> Screen {
        let header = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
        return ConsoleView(
            state: state, header: header, providers: console.providers, detail: detail.map(console.detail(for:))
        ).render()
    }

    @Test func sixFocusesTheWorkloadsPane() {
        var state = ClusterConsole.initialState(size: Size(width: 80, height: 24))
        _ = reduce(&state, .keyPressed(.character("6")))
        #expect(state.focus == .workloads)
        _ = reduce(&state, .keyPressed(.character(":")))
        _ = "pods".map { reduce(&state, .keyPressed(.character($0))) }
        _ = reduce(&state, .keyPressed(.enter))
        _ = reduce(&state, .keyPressed(.character(":")))
        _ = "workloads".map { reduce(&state, .keyPressed(.character($0))) }
        _ = reduce(&state, .keyPressed(.enter))
        #expect(state.focus == .workloads)
    }

    @Test func workloadsListEveryKindWithItsRolloutState() {
        let (console, _) = SampleCluster.console(size: Size(width: 200, height: 60), focus: .workloads)
        let rows = (0..<console.workloads.rowCount).compactMap { console.workloads.row(at: $0)?.status }
        #expect(
            rows.map(\.owner.kind) == ["Deployment", "Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "Job"])
        let checkout = rows.first { $0.owner.name == "checkout-api" }
        #expect(checkout?.state == .stalled(reason: "ProgressDeadlineExceeded"))
    }

    @Test(arguments: ClusterPaneSnapshotTests.sizes)
    func deploymentDetailShowsRevisionsWithWhatChanged(size: Size) throws {
        let (console, initial) = SampleCluster.console(size: size, focus: .workloads)
        var state = initial
        _ = reduce(&state, .keyPressed(.enter))
        let target = console.detailTarget(pane: .workloads, row: state.focusedPane.cursor)
        #expect(target == .workload(OwnerKey(kind: "Deployment", namespace: "kube-system", name: "coredns")))
        try expectSnapshot(render(console, state, detail: target).snapshot(), named: "cluster-detail-workload-\(size)")
    }

    @Test func cronJobDetailListsItsJobs() throws {
        let (console, initial) = SampleCluster.console(size: Size(width: 200, height: 60), focus: .workloads)
        var state = initial
        let row = try #require(
            (0..<console.workloads.rowCount).first { console.workloads.row(at: $0)?.status.owner.kind == "CronJob" })
        for _ in 0..<row { _ = reduce(&state, .keyPressed(.down)) }
        _ = reduce(&state, .keyPressed(.enter))
        let target = console.detailTarget(pane: .workloads, row: state.focusedPane.cursor)
        try expectSnapshot(render(console, state, detail: target).snapshot(), named: "cluster-detail-cronjob-200x60")
    }
}
