import Foundation
import Testing

@testable import ClusterModel

@Suite("Mount failures from warning events")
struct MountFailureRuleTests {
    static let now = referenceNow
    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    static func event(
        _ name: String, pod: String = "batch-3-x", reason: String = "FailedMount", type: String = "Warning",
        count: Int = 1, lastSeen: Double = 30, kind: String = "Pod"
    ) -> EventSummary {
        EventSummary(
            namespace: "shop", name: name, type: type, reason: reason,
            message:
                "MountVolume.SetUp failed for volume \"aws-iam-credentials\" : secret \"batch-3-credentials\" not found",
            involvedObject: .init(kind: kind, namespace: "shop", name: pod), count: count, firstSeen: ago(600),
            lastSeen: ago(lastSeen))
    }

    /// Events, then the mount-failure count expected for pod `batch-3-x` (nil: no observation).
    static let cases: [(String, [EventSummary], Int?)] = [
        ("one failure may be a blip", [event("a")], nil),
        ("a retry that failed too", [event("a", count: 2)], 2),
        ("attach and mount failures add up", [event("a"), event("b", reason: "FailedAttachVolume")], 2),
        ("old failures do not count", [event("a", count: 5, lastSeen: 900)], nil),
        ("normal events do not count", [event("a", type: "Normal", count: 3)], nil),
        ("other warnings are other signals", [event("a", reason: "BackOff", count: 9)], nil),
        ("failures about another pod are its own", [event("a", pod: "other", count: 3), event("b")], nil),
        ("events about nodes are not pod mounts", [event("a", count: 4, kind: "Node")], nil),
    ]

    @Test(arguments: cases)
    func mountFailureWarningsBecomeASignalAtTheThreshold(name: String, events: [EventSummary], expected: Int?) {
        let found = SignalRules.detect(
            previous: nil, current: ClusterSnapshot(events: events), metrics: .empty, now: Self.now,
            thresholds: SignalThresholds()
        ).filter { $0.kind == .mountFailure && $0.subject.name == "batch-3-x" }
        #expect(found.first?.count == expected, "\(name)")
        if let observation = found.first {
            #expect(observation.severity == .warning)
            #expect(observation.summary.hasPrefix("FailedMount") || observation.summary.hasPrefix("FailedAttachVolume"))
            #expect(observation.evidence["message"]?.contains("aws-iam-credentials") == true)
            #expect(observation.kind.title == "Mount failing")
        }
    }

    @Test func theThresholdIsNamedConfiguration() {
        var thresholds = SignalThresholds()
        thresholds.mountFailureCount = 1
        let found = SignalRules.detect(
            previous: nil, current: ClusterSnapshot(events: [Self.event("a")]), metrics: .empty, now: Self.now,
            thresholds: thresholds)
        #expect(found.contains { $0.kind == .mountFailure })
    }

    @Test func everySignalHasAReadableNameOfItsOwn() {
        let titles = ObservationKind.allCases.map(\.title)
        #expect(Set(titles).count == titles.count)
        #expect(ObservationKind.memoryNearLimit.title == "Memory near limit")
        #expect(ObservationKind.cpuThrottling.title == "CPU throttled")
        #expect(ObservationKind.nodeNotReady.title == "Node NotReady")
        #expect(Severity.critical.title == "Critical")
    }
}
