import Foundation
import Testing

@testable import ClusterModel

@Suite("Signal history: restarts over time")
struct SignalHistoryRestartsTests {
    let ref = ContainerRef(namespace: "demo", pod: "web", container: "app")

    func snapshot(_ count: Int, created: Date) -> ClusterSnapshot {
        ClusterSnapshot(pods: [
            PodSummary(
                namespace: "demo", name: "web", createdAt: created,
                containerStatuses: [ContainerStatusSummary(name: "app", restartCount: count)])
        ])
    }

    /// Name, samples (seconds after the first, restart count), pod age at the first sample, window, when to ask
    /// (seconds after the first sample), restarts expected.
    static let cases: [(String, [(Double, Int)], Double, Double, Double, Int)] = [
        ("all samples inside the hour", [(0, 10), (1_800, 12), (4_000, 15)], 86_400, 3_600, 4_000, 5),
        ("the baseline moves as the window does", [(0, 10), (1_800, 12), (4_000, 15)], 86_400, 3_600, 6_000, 3),
        ("sampling began inside the window", [(0, 10), (300, 14)], 86_400, 3_600, 300, 4),
        ("a young pod counts every restart", [(0, 4)], 600, 3_600, 0, 4),
        ("an old pod first seen counts none", [(0, 4)], 86_400, 3_600, 0, 0),
        ("the burst window is shorter", [(0, 2), (400, 5), (1_000, 6)], 86_400, 600, 1_000, 1),
        ("a recreated pod's counter starts over", [(0, 9), (300, 1)], 86_400, 3_600, 300, 0),
        ("restarts older than the window count none", [(0, 5), (100, 8), (4_000, 8)], 86_400, 3_600, 4_000, 0),
    ]

    @Test(arguments: cases)
    func restartsCountOnlyThoseWithinTheWindow(
        name: String, samples: [(Double, Int)], podAge: Double, window: Double, askedAt: Double, expected: Int
    ) throws {
        let created = referenceNow.addingTimeInterval(-podAge)
        var history = SignalHistory()
        for (offset, count) in samples {
            history.recordRestarts(
                previous: nil, current: snapshot(count, created: created),
                now: referenceNow.addingTimeInterval(offset), keeping: 3_600)
        }
        let current = try #require(samples.last?.1)
        let restarts = history.restarts(
            of: ref, currentCount: current, podCreated: created, within: window,
            now: referenceNow.addingTimeInterval(askedAt))
        #expect(restarts == expected, "\(name)")
    }

    @Test func restartsBetweenThePreviousSnapshotAndThisOneCount() {
        let created = referenceNow.addingTimeInterval(-86_400)
        var history = SignalHistory()
        history.recordRestarts(
            previous: snapshot(1, created: created), current: snapshot(5, created: created), now: referenceNow,
            keeping: 3_600)
        #expect(history.restarts(of: ref, currentCount: 5, podCreated: created, within: 600, now: referenceNow) == 4)
    }

    @Test func samplesOlderThanTheLongestWindowAreDroppedButTheBaselineIsKept() {
        let created = referenceNow.addingTimeInterval(-86_400)
        var history = SignalHistory()
        for (offset, count) in [(0.0, 1), (100, 2), (200, 3), (4_000, 4)] {
            history.recordRestarts(
                previous: nil, current: snapshot(count, created: created),
                now: referenceNow.addingTimeInterval(offset), keeping: 3_600)
        }
        #expect(history.restartSamples[ref]?.map(\.count) == [3, 4])
    }

    @Test func containersThatAreGoneAreForgotten() {
        var history = SignalHistory()
        history.recordRestarts(
            previous: nil, current: snapshot(3, created: referenceNow), now: referenceNow, keeping: 3_600)
        history.recordRestarts(previous: nil, current: ClusterSnapshot(), now: referenceNow, keeping: 3_600)
        #expect(history.restartSamples.isEmpty)
    }
}
