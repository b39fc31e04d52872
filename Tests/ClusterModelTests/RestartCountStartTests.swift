import Foundation
import Testing

@testable import ClusterModel

@Suite("When a restart count starts")
struct RestartCountStartTests {
    let ref = ContainerRef(namespace: "demo", pod: "web", container: "app")

    /// Pod age at the first sample, seconds after the first sample that we ask, and whether the count starts late.
    static let cases: [(String, Double, Double, Bool)] = [
        ("an old pod first seen five minutes ago", 86_400, 300, true),
        ("an old pod watched for longer than the window", 86_400, 4_000, false),
        ("a pod younger than the window", 600, 300, false),
    ]

    @Test(arguments: cases)
    func aCountStartsAtTheFirstSampleOnlyWhenEarlierRestartsAreUnknown(
        name: String, podAge: Double, askedAt: Double, startsLate: Bool
    ) {
        let created = referenceNow.addingTimeInterval(-podAge)
        var history = SignalHistory()
        for (offset, count) in [(0.0, 40), (askedAt, 44)] {
            history.recordRestarts(
                previous: nil,
                current: ClusterSnapshot(pods: [
                    PodSummary(
                        namespace: "demo", name: "web", createdAt: created,
                        containerStatuses: [ContainerStatusSummary(name: "app", restartCount: count)])
                ]), now: referenceNow.addingTimeInterval(offset), keeping: 3_600)
        }
        let start = history.restartCountStart(
            of: ref, podCreated: created, within: 3_600, now: referenceNow.addingTimeInterval(askedAt))
        #expect((start == referenceNow) == startsLate, "\(name)")
        #expect(startsLate || start == nil, "\(name)")
    }
}
