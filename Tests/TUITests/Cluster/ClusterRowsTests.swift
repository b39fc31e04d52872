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
    }

    @Test func throttlingIsTheWorstContainersRatio() throws {
        let checkout = try #require(rows.pods.first { $0.pod.name.hasPrefix("checkout") })
        #expect(checkout.throttleRatio == 0.38)
    }

    @Test func signalsAreMostSevereThenActiveThenMostRecentFirst() {
        #expect(rows.signals.map(\.observation.kind) == [.oomKilled, .nodeNotReady, .cpuThrottling, .podPending])
    }

    @Test func nodesSumRequestsAndUsageOfTheirPods() throws {
        let node = try #require(rows.nodes.first { $0.node.name == "worker-eu-west-1a-01" })
        #expect(node.podCount == 2)
        #expect(node.cpuRequestText == "100m/3920m 3%")
        #expect(node.usageText == "95m cpu, 169Mi")
        let cordoned = try #require(rows.nodes.first { $0.node.name == "worker-eu-west-1a-02" })
        #expect(cordoned.status == "Ready,SchedulingDisabled")
        #expect(cordoned.pressure == "Mem")
        #expect(rows.nodes.first { $0.node.name == "worker-eu-west-1b-07" }?.status == "NotReady")
    }

    @Test func restartsRankContainersByRestartsInTheLastHour() {
        #expect(
            rows.restarts.map(\.container.pod) == [
                "coredns-7db6d8ff4d-qq8mz", "coredns-7db6d8ff4d-x2k9p", "支付服务-payments-6f8d9c-k2x7q",
            ])
        #expect(rows.restarts.first?.lastReason == "OOMKilled")
        #expect(rows.restarts.first?.exitCode == 137)
    }

    @Test func restartHistoryCountsOnlyRestartsWithinTheHour() {
        let ref = ContainerRef(namespace: "a", pod: "p", container: "c")
        let start = SampleCluster.now
        func snapshot(_ count: Int) -> ClusterSnapshot {
            ClusterSnapshot(pods: [
                PodSummary(
                    namespace: "a", name: "p", createdAt: start.addingTimeInterval(-86_400),
                    containerStatuses: [ContainerStatusSummary(name: "c", restartCount: count)])
            ])
        }
        var history = RestartHistory()
        history.record(snapshot(10), now: start)
        history.record(snapshot(12), now: start.addingTimeInterval(1_800))
        history.record(snapshot(15), now: start.addingTimeInterval(4_000))
        let old = start.addingTimeInterval(-86_400)
        #expect(
            history.restartsInLastHour(of: ref, current: 15, podCreated: old, now: start.addingTimeInterval(4_000)) == 5
        )
        #expect(
            history.restartsInLastHour(of: ref, current: 15, podCreated: old, now: start.addingTimeInterval(6_000)) == 3
        )
    }

    @Test func updatesKeepTheCursorOnTheSameObject() {
        var (console, state) = SampleCluster.console(size: Size(width: 80, height: 24), focus: .pods)
        _ = reduce(&state, .keyPressed(.character("G")))
        let selected = console.pods.rowID(at: state.focusedPane.cursor)
        var data = SampleCluster.data
        data.snapshot.pods[ObjectKey(namespace: "a", name: "first")] = PodSummary(namespace: "a", name: "first")
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

@Suite struct ConnectionStatusTests {
    @Test func reconnectingCountsDownFromTheLastReport() {
        var status = SampleCluster.status
        status.retry = (.seconds(8), SampleCluster.ago(3))
        let segment = status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now).segments[3]
        #expect(segment == HeaderSegment("reconnecting in 5s", role: .headerWarn))
    }

    @Test func connectedOnceEveryResourceIsListed() {
        let segment = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
            .segments[3]
        #expect(segment == HeaderSegment("connected", role: .headerOK))
    }

    @Test func readOnlyIsShownInTheHeader() {
        var status = SampleCluster.status
        status.isReadOnly = true
        #expect(
            status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now).segments.last?.text
                == "read-only")
    }
}
