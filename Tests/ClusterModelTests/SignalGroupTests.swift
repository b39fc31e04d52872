import Foundation
import Testing

@testable import ClusterModel

@Suite("Signals grouped by owner")
struct SignalGroupTests {
    static let now = referenceNow
    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    /// A CronJob whose Jobs each start 60 pods a minute, every pod Pending; `pods` of them observed.
    static func cronJobStory(pods: Int) -> (ClusterSnapshot, [Observation]) {
        let cron = OwnerRef(kind: "CronJob", name: "report-generator")
        var jobs: [JobSummary] = []
        var podList: [PodSummary] = []
        var observations: [Observation] = []
        for index in 0..<pods {
            let minute = index / 60
            let job = "report-generator-\(minute)"
            if index % 60 == 0 { jobs.append(JobSummary(namespace: "reports", name: job, controller: cron)) }
            let name = "\(job)-\(index)"
            let created = ago(Double(pods - index))
            podList.append(
                PodSummary(
                    namespace: "reports", name: name, phase: "Pending", createdAt: created,
                    controller: OwnerRef(kind: "Job", name: job)))
            observations.append(
                Observation(
                    id: "podPending/reports/\(name)", kind: .podPending, severity: .warning,
                    subject: ObservationSubject(kind: "Pod", namespace: "reports", name: name), firstSeen: created,
                    lastSeen: now, evidence: ["reason": "Unschedulable"], summary: "Pending for 5m: Unschedulable"))
        }
        return (ClusterSnapshot(pods: podList, jobs: jobs), observations)
    }

    @Test func podsOfACronJobFormOneGroupNamedAfterIt() throws {
        let (snapshot, observations) = Self.cronJobStory(pods: 900)
        let groups = SignalGroup.grouping(observations, snapshot: snapshot, now: Self.now)
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        #expect(group.owner == OwnerKey(kind: "CronJob", namespace: "reports", name: "report-generator"))
        #expect(group.observations.count == 900)
        #expect(group.podCount == 900)
        #expect(group.summary.hasPrefix("900 pods Pending (Unschedulable), +"))
    }

    /// Pods first seen over the last `span` seconds at `perMinute`, and the rate the group reports.
    static let rates: [(String, ObservationKind, Double, Int, Int?)] = [
        ("pending pods at 60 a minute, seen after five minutes", .podPending, 900, 60, 60),
        ("OOM kills at 6 a minute", .oomKilled, 600, 6, 6),
        ("nothing new within the window", .crashLoopBackOff, 0, 0, nil),
    ]

    @Test(arguments: rates)
    func theRateCountsMembersFirstSeenWithinTheWindow(
        name: String, kind: ObservationKind, span: Double, perMinute: Int, expected: Int?
    ) {
        let lag = kind == .podPending ? SignalThresholds().pendingAfter : 0
        let count = Int(span / 60) * perMinute
        let members = (0..<max(count, 2)).map { index in
            let firstSeen =
                count == 0 ? Self.ago(7_200) : Self.ago(lag + Double(index) * 60 / Double(perMinute))
            return Observation(
                id: "\(kind.rawValue)/\(index)", kind: kind, severity: .warning,
                subject: ObservationSubject(kind: "Pod", namespace: "n", name: "p\(index)"), firstSeen: firstSeen,
                lastSeen: Self.now, summary: "")
        }
        #expect(SignalGroup.rate(of: members, kind: kind, now: Self.now, thresholds: SignalThresholds()) == expected)
    }

    @Test func oomKillsAcrossADeploymentsReplicasGroupWhileOtherSignalsStandAlone() throws {
        let rs = OwnerRef(kind: "ReplicaSet", name: "coredns-7db6")
        let deployment = WorkloadSummary(
            kind: "ReplicaSet", namespace: "kube-system", name: "coredns-7db6", desiredReplicas: 2,
            controller: OwnerRef(kind: "Deployment", name: "coredns"))
        let pods = ["a", "b"].map {
            PodSummary(namespace: "kube-system", name: "coredns-7db6-\($0)", controller: rs)
        }
        let lone = PodSummary(namespace: "shop", name: "solo", controller: OwnerRef(kind: "ReplicaSet", name: "solo-1"))
        func oom(_ pod: String, _ namespace: String = "kube-system", limit: String = "170Mi") -> Observation {
            Observation(
                id: "oomKilled/\(namespace)/\(pod)/c", kind: .oomKilled, severity: .critical,
                subject: ObservationSubject(kind: "Pod", namespace: namespace, name: pod, container: "c"),
                firstSeen: Self.ago(3_600), lastSeen: Self.ago(60),
                evidence: ["reason": "OOMKilled", "memoryLimit": limit],
                summary: "OOMKilled 3× at limit \(limit)")
        }
        let node = Observation(
            id: "nodeNotReady/n1", kind: .nodeNotReady, severity: .critical,
            subject: ObservationSubject(kind: "Node", name: "n1"), firstSeen: Self.ago(100), lastSeen: Self.ago(10),
            summary: "NotReady")
        let gone = oom("deleted-pod")
        let groups = SignalGroup.grouping(
            [oom("coredns-7db6-a"), oom("coredns-7db6-b"), oom("solo", "shop"), node, gone],
            snapshot: ClusterSnapshot(pods: pods + [lone], workloads: [deployment]), now: Self.now)
        let grouped = try #require(groups.first { !$0.isSingle })
        #expect(grouped.owner == OwnerKey(kind: "Deployment", namespace: "kube-system", name: "coredns"))
        #expect(grouped.summary == "2 pods OOMKilled (limit 170Mi)", "a reason that repeats the title says nothing")
        #expect(grouped.id == "oomKilled/Deployment kube-system/coredns")
        #expect(groups.filter(\.isSingle).map(\.id).sorted() == [gone.id, node.id, oom("solo", "shop").id].sorted())
        #expect(groups.first { $0.id == node.id }?.summary == "NotReady")
        #expect(groups.map(\.severity).allSatisfy { $0 == .critical })
    }
}
