import Foundation
import Testing
import Timeline

@Suite struct ClusterTimeEstimateTests {
    static let wall0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let cluster0 = Date(timeIntervalSince1970: 1_700_000_000)

    static func stamp(wall: Double, cluster: Double) -> Stamp {
        Stamp(cluster: cluster0.addingTimeInterval(cluster), wall: wall0.addingTimeInterval(wall))
    }

    static let cases: [(String, [Stamp], Double, Double)] = [
        ("no stamps: the wall clock", [], 10, 100_000_000 + 10),
        ("one stamp: its offset", [stamp(wall: 0, cluster: 0)], 5, 5),
        ("a simulator at 20x: the rate too", [stamp(wall: 0, cluster: 0), stamp(wall: 3, cluster: 60)], 4, 80),
        (
            "stamps closer than a second give no rate", [stamp(wall: 0, cluster: 0), stamp(wall: 0.5, cluster: 10)],
            1.5, 11
        ),
        (
            "a silent recorder is not extrapolated", [stamp(wall: 0, cluster: 0), stamp(wall: 10, cluster: 200)], 610,
            800
        ),
        ("order does not matter", [stamp(wall: 3, cluster: 60), stamp(wall: 0, cluster: 0)], 4, 80),
        ("a paused clock stays put", [stamp(wall: 0, cluster: 50), stamp(wall: 10, cluster: 50)], 20, 50),
    ]

    @Test(arguments: cases)
    func clusterTimeIsReadFromTheRecordersStamps(name: String, stamps: [Stamp], wall: Double, expected: Double) {
        let estimate = ClusterTimeEstimate().clusterTime(at: Self.wall0.addingTimeInterval(wall), from: stamps)
        #expect(
            abs(estimate.timeIntervalSince(Self.cluster0.addingTimeInterval(expected))) < 0.001,
            "\(name): \(estimate.timeIntervalSince(Self.cluster0))")
    }
}
