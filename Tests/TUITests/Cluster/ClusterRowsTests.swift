import ClusterModel
import Foundation
import Testing

@testable import TUI

@Suite struct ClusterRowsTests {
    let rows = ClusterRows(SampleCluster.data)

    @Test func oomKilledStaysVisibleAfterTheContainerRestarted() throws {
        let coredns = try #require(rows.pods.first { $0.pod.name == "coredns-7db6d8ff4d-x2k9p" })
        #expect(coredns.status == "Running (OOMKilled)")
        #expect(coredns.restartsText == "3 (42s)")
        #expect(coredns.memoryText == "169Mi/170Mi 99%")
        let crashing = try #require(rows.pods.first { $0.pod.name == "coredns-7db6d8ff4d-qq8mz" })
        #expect(crashing.status == "CrashLoop (OOMKilled)")
        #expect(crashing.memoryText == "-/170Mi", "the 0 reported for a container in back-off is no measurement")
        #expect(!crashing.isNearMemoryLimit && crashing.memoryRatio == nil)
    }

    @Test func throttlingIsTheWorstContainersRatio() throws {
        let checkout = try #require(rows.pods.first { $0.pod.name.hasPrefix("checkout") })
        #expect(checkout.throttleRatio == 0.38)
    }

    @Test func signalsAreMostSevereThenActiveThenMostRecentFirst() {
        #expect(rows.signalGroups.map(\.lead.kind) == [.oomKilled, .nodeNotReady, .cpuThrottling, .podPending])
    }

    @Test func nodesShowTheirPodsTotalsAndUsageFromTheSnapshot() throws {
        let node = try #require(rows.nodes.first { $0.node.name == "worker-eu-west-1a-01" })
        #expect(node.totals == SampleCluster.data.snapshot.podTotals(onNode: "worker-eu-west-1a-01"))
        #expect(node.totals.podCount == 2)
        #expect(node.cpuRequestText == "100m/3920m 3%")
        #expect(node.memoryLimitText == "170Mi/14.6Gi 1%")
        #expect(node.usageText == "95m cpu, 169Mi")
        let cordoned = try #require(rows.nodes.first { $0.node.name == "worker-eu-west-1a-02" })
        #expect(cordoned.status == "Ready,SchedulingDisabled")
        #expect(cordoned.pressure == "Mem")
        #expect(rows.nodes.first { $0.node.name == "worker-eu-west-1b-07" }?.status == "NotReady")
    }

    @Test(arguments: [
        (ConditionStatus.isTrue, "Ready"), (.isFalse, "NotReady"), (.unknown, "NotReady"), (nil, "Unknown"),
    ])
    func aNodeWhoseKubeletStoppedPostingIsNotReadyAsKubectlSaysIt(ready: ConditionStatus?, status: String) {
        let node = NodeSummary(name: "node-3", ready: ready.map { ConditionSummary(status: $0) })
        #expect(NodeRow(node: node, now: SampleCluster.now).status == status)
    }

    @Test func restartsRankContainersByRestartsInTheLastHour() {
        #expect(
            rows.restarts.map(\.container.pod) == [
                "coredns-7db6d8ff4d-qq8mz", "coredns-7db6d8ff4d-x2k9p", "支付服务-payments-6f8d9c-k2x7q",
            ])
        #expect(rows.restarts.first?.lastReason == "OOMKilled")
        #expect(rows.restarts.first?.exitCode == 137)
    }

    @Test func restartsInTheLastHourComeFromTheSignalHistory() throws {
        let restarts = ClusterRows(SampleCluster.restarted(2, sinceMinutesAgo: 30)).restarts
        let crashing = try #require(restarts.first { $0.container.pod == "coredns-7db6d8ff4d-qq8mz" })
        #expect(crashing.totalRestarts == 5)
        #expect(crashing.restartsLastHour == 2)
        #expect(!crashing.isRestartBurst)
        // The history began 30 minutes ago for a pod three days old: the count covers only those 30 minutes.
        #expect(crashing.countSince == SampleCluster.ago(30 * 60))
        #expect(crashing.lastHourText == "2 in 30m")
    }

    static let thresholdCases: [(String, SignalThresholds, Bool, Bool, Bool)] = [
        ("defaults", SignalThresholds(), true, true, true),
        ("throttling at 50%", with { $0.cpuThrottlingRatio = 0.5 }, false, true, true),
        ("memory near limit at 99.5%", with { $0.memoryNearLimitRatio = 0.995 }, true, false, true),
        ("bursts from 6 restarts", with { $0.restartBurstCount = 6 }, true, true, false),
    ]

    static func with(_ change: (inout SignalThresholds) -> Void) -> SignalThresholds {
        var thresholds = SignalThresholds()
        change(&thresholds)
        return thresholds
    }

    @Test(arguments: thresholdCases)
    func rowsAreMarkedByTheSignalThresholdsOfTheirData(
        name: String, thresholds: SignalThresholds, throttled: Bool, nearLimit: Bool, burst: Bool
    ) throws {
        var data = SampleCluster.restarted(4, sinceMinutesAgo: 30)
        data.thresholds = thresholds
        let rows = ClusterRows(data)
        let checkout = try #require(rows.pods.first { $0.pod.name.hasPrefix("checkout") })
        #expect(checkout.isThrottled == throttled, "\(name)")
        let coredns = try #require(rows.pods.first { $0.pod.name == "coredns-7db6d8ff4d-x2k9p" })
        #expect(coredns.isNearMemoryLimit == nearLimit, "\(name)")
        let crashing = try #require(rows.restarts.first { $0.container.pod == "coredns-7db6d8ff4d-qq8mz" })
        #expect(crashing.isRestartBurst == burst, "\(name)")
    }

    @Test func rowsRetimedWhenOnlyTimeMovedMatchAFreshBuild() {
        let data = SampleCluster.restarted(2, sinceMinutesAgo: 30)
        var later = data
        later.now = data.now.addingTimeInterval(95 * 60)
        let fresh = ClusterRows(later)
        let retimed = ClusterRows(data).retimed(later, pods: (fresh.pods, fresh.podSearch))
        #expect(retimed.nodes.map(\.now) == fresh.nodes.map(\.now))
        #expect(retimed.workloads.map(\.now) == fresh.workloads.map(\.now))
        #expect(retimed.events.map(\.now) == fresh.events.map(\.now))
        #expect(retimed.restarts.map(\.lastHourText) == fresh.restarts.map(\.lastHourText))
        #expect(retimed.restarts.map(\.restartsLastHour) != ClusterRows(data).restarts.map(\.restartsLastHour))
    }

    @Test func updatesKeepTheCursorOnTheSameObject() {
        var (console, state) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .pods)
        _ = reduce(&state, .keyPressed(.character("G")))
        let selected = console.pods.rowID(at: state.focusedPane.cursor)
        var data = SampleCluster.data
        data.snapshot = ClusterSnapshot(
            nodes: SampleCluster.nodes, pods: SampleCluster.pods + [PodSummary(namespace: "a", name: "first")])
        for event in console.update(ClusterRows(data), data: data, state: state) { _ = reduce(&state, event) }
        #expect(console.pods.rowID(at: state.focusedPane.cursor) == selected)
        #expect(state.focusedPane.rowCount == 6)
    }

    @Test(
        arguments: [
            (Int64(900), "900"), (Int64(170 * 1_048_576), "170Mi"), (Int64(1_610_612_736), "1.5Gi"),
            (Int64(512 * 1024), "512Ki"),
        ] as [(Int64, String)])
    func bytesAreShortBinaryUnits(value: Int64, text: String) {
        #expect(Quantities.bytes(value) == text)
    }
}

/// What the Pods pane's STATUS says, and so why a row ranks where it does (the READY column is the first to go).
@Suite struct PodStatusTests {
    static func pod(ready: Bool, state: ContainerState = .running(startedAt: nil), phase: String = "Running")
        -> PodSummary
    {
        PodSummary(
            namespace: "shop", name: "web-1", phase: phase,
            containerStatuses: [
                ContainerStatusSummary(name: "web", ready: ready, restartCount: 0, state: state, lastState: .none)
            ])
    }

    @Test(arguments: [
        ("ready", pod(ready: true), "Running", 5),
        ("not ready, as on a node gone NotReady", pod(ready: false), "Running (not ready)", 2),
        ("pending", pod(ready: false, state: .none, phase: "Pending"), "Pending", 3),
    ])
    func aRunningPodThatIsNotReadySaysSo(name: String, pod: PodSummary, status: String, rank: Int) {
        #expect(PodRow.status(of: pod).0 == status, "\(name)")
        #expect(PodRow.troubleRank(of: pod) == rank, "\(name)")
    }
}
