import ClusterModel
import Foundation
import Testing

/// Which critical observation names an incident the console offers to open.
@Suite struct IncidentLeadTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func observation(
        _ id: String, _ kind: ObservationKind, _ severity: Severity = .critical, active: Bool = true
    )
        -> Observation
    {
        Observation(
            id: id, kind: kind, severity: severity, subject: ObservationSubject(kind: "Pod", name: id),
            firstSeen: now, lastSeen: now, isActive: active, summary: id)
    }

    static let cases: [(String, [Observation], String?)] = [
        (
            "a node's OOM kill events yield to the container's OOM kill",
            [observation("node-1", .nodeOOM), observation("coredns", .oomKilled)], "coredns"
        ),
        ("a node's OOM kills alone lead", [observation("node-1", .nodeOOM)], "node-1"),
        (
            "otherwise the first critical one",
            [
                observation("web", .podPending, .warning), observation("node-2", .nodeNotReady),
                observation("coredns", .oomKilled),
            ], "node-2"
        ),
        ("nothing no longer active", [observation("coredns", .oomKilled, active: false)], nil),
    ]

    @Test(arguments: cases)
    func theIncidentIsNamedAfterTheSignalThatExplainsTheOthers(name: String, observations: [Observation], lead: String?)
    {
        #expect(Observation.incidentLead(of: observations)?.id == lead, "\(name)")
    }
}
