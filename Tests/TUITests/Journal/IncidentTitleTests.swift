import ClusterModel
import Foundation
import Testing

@testable import TUI

/// The title the console suggests for an incident names the workload, not whichever pod showed first.
@Suite struct IncidentTitleTests {
    static let now = Date(timeIntervalSince1970: 1_795_256_211)

    static func oomKilled(_ subject: ObservationSubject) -> Observation {
        Observation(
            id: "oomKilled/\(subject.path)", kind: .oomKilled, severity: .critical, subject: subject, firstSeen: now,
            lastSeen: now, evidence: [:], summary: "OOMKilled")
    }

    static let snapshot = ClusterSnapshot(
        pods: [
            PodSummary(
                namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p", phase: "Running",
                controller: OwnerRef(kind: "ReplicaSet", name: "coredns-7db6d8ff4d")),
            PodSummary(namespace: "default", name: "debug", phase: "Running"),
        ],
        workloads: [
            WorkloadSummary(
                kind: "ReplicaSet", namespace: "kube-system", name: "coredns-7db6d8ff4d", desiredReplicas: 2,
                controller: OwnerRef(kind: "Deployment", name: "coredns"))
        ])

    @Test(arguments: [
        ("kube-system", "coredns-7db6d8ff4d-x2k9p", "OOMKilled: Deployment kube-system/coredns"),
        ("default", "debug", "OOMKilled: default/debug"),
        ("default", "gone", "OOMKilled: default/gone"),
    ])
    func theTitleNamesThePodsWorkload(namespace: String, pod: String, expected: String) {
        let observation = Self.oomKilled(ObservationSubject(kind: "Pod", namespace: namespace, name: pod))
        #expect(JournalSession.title(for: observation, in: Self.snapshot) == expected)
    }
}
