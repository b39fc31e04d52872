import ClusterModel
import Foundation
import Testing

@testable import TUI

/// The Pods pane's rows are rebuilt only for pods that changed: a quiet cluster costs nothing.
@Suite struct PodRowCacheTests {
    private static func snapshot(_ pods: [PodSummary], generation: UInt64) -> ClusterSnapshot {
        var snapshot = ClusterSnapshot(pods: pods)
        snapshot.resourceGenerations[ResourceKind.pods.plural] = generation
        return snapshot
    }

    @Test func anUnchangedStoreReusesEveryRow() {
        var cache = PodRowCache()
        let pods = SampleCluster.pods
        let first = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: .empty, thresholds: SignalThresholds(), now: SampleCluster.now)
        #expect(cache.rebuiltCount == pods.count)
        let second = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: .empty, thresholds: SignalThresholds(), now: SampleCluster.now)
        #expect(cache.rebuiltCount == 0, "nothing rebuilt")
        #expect(second.rows.map(\.pod.key) == first.rows.map(\.pod.key))
    }

    @Test func oneChangedPodRebuildsOneRow() throws {
        var cache = PodRowCache()
        var pods = SampleCluster.pods
        _ = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: .empty, thresholds: SignalThresholds(), now: SampleCluster.now)
        pods[0].phase = "Failed"
        let rows = cache.rows(
            Self.snapshot(pods, generation: 2), metrics: .empty, thresholds: SignalThresholds(), now: SampleCluster.now)
        #expect(cache.rebuiltCount == 1)
        let row = try #require(rows.rows.first { $0.pod.key == pods[0].key })
        #expect(row.pod.phase == "Failed")
        #expect(rows.rows.map(\.pod.key) == pods.map(\.key).sorted())
        #expect(rows.search.count == rows.rows.count)
    }

    @Test func newMetricsRebuildOnlyThePodsTheyDescribe() {
        var cache = PodRowCache()
        let pods = SampleCluster.pods
        _ = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: .empty, thresholds: SignalThresholds(), now: SampleCluster.now)
        _ = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: SampleCluster.metrics, thresholds: SignalThresholds(),
            now: SampleCluster.now)
        let described = pods.filter { pod in
            pod.containers.contains {
                SampleCluster.metrics.containers[
                    ContainerRef(namespace: pod.namespace, pod: pod.name, container: $0.name)] != nil
            }
        }
        #expect(cache.rebuiltCount == described.count && !described.isEmpty)
    }

    @Test func aNewTimeAloneRebuildsNothingButMovesTheAges() {
        var cache = PodRowCache()
        let pods = SampleCluster.pods
        _ = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: .empty, thresholds: SignalThresholds(), now: SampleCluster.now)
        let later = SampleCluster.now.addingTimeInterval(60)
        let rows = cache.rows(
            Self.snapshot(pods, generation: 1), metrics: .empty, thresholds: SignalThresholds(), now: later)
        #expect(cache.rebuiltCount == 0)
        #expect(rows.rows.allSatisfy { $0.now == later })
    }
}
