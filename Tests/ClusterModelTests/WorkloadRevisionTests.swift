import Foundation
import Testing

@testable import ClusterModel

private let mi: Int64 = 1 << 20
private let t0 = Date(timeIntervalSince1970: 1_795_251_600)

private func container(
    _ name: String = "app", image: String = "app:1", memoryLimit: Int64? = 256 * mi, memoryRequest: Int64? = 128 * mi,
    cpuLimit: Int64? = nil, cpuRequest: Int64? = 100, env: [String] = []
) -> ContainerSpecSummary {
    ContainerSpecSummary(
        name: name,
        resources: ContainerResources(
            cpuRequestMillis: cpuRequest, cpuLimitMillis: cpuLimit, memoryRequestBytes: memoryRequest,
            memoryLimitBytes: memoryLimit), image: image, envNames: env)
}

@Suite("Workload revisions and what changed between them")
struct WorkloadRevisionTests {
    static let changes: [(String, [ContainerSpecSummary], [ContainerSpecSummary], [String])] = [
        ("nothing changed", [container()], [container()], []),
        ("a new tag", [container()], [container(image: "app:2")], ["image app 1 → 2 (app)"]),
        (
            "another registry", [container(image: "docker.io/library/redis:7")],
            [container(image: "registry.example.com/redis:7")],
            ["image docker.io/library/redis:7 → registry.example.com/redis:7 (app)"]
        ),
        (
            "a lower memory limit", [container()], [container(memoryLimit: 170 * mi)],
            ["memory limit 256Mi → 170Mi (app)"]
        ),
        (
            "requests and a CPU limit", [container()],
            [container(memoryRequest: 64 * mi, cpuLimit: 500, cpuRequest: 250)],
            ["memory request 128Mi → 64Mi (app)", "CPU limit none → 500m (app)", "CPU request 100m → 250m (app)"]
        ),
        (
            "variables added and removed", [container(env: ["A", "B"])], [container(env: ["B", "C"])],
            ["env added C (app)", "env removed A (app)"]
        ),
        (
            "a sidecar added, another removed", [container(), container("old")], [container(), container("proxy")],
            ["container proxy added", "container old removed"]
        ),
    ]

    @Test(arguments: changes)
    func changesBetweenTemplates(
        name: String, old: [ContainerSpecSummary], new: [ContainerSpecSummary], expected: [String]
    ) {
        #expect(RevisionChange.between(old, new).map(\.description) == expected, "\(name)")
    }

    @Test func replicaChangesCountOnlyWhenBothAreKnown() {
        #expect(RevisionChange.between([], [], oldReplicas: 2, newReplicas: 4) == [.replicas(from: 2, to: 4)])
        #expect(RevisionChange.between([], [], oldReplicas: nil, newReplicas: 4).isEmpty)
    }

    static func replicaSet(_ name: String, revision: Int, age: TimeInterval, memoryLimit: Int64, replicas: Int = 2)
        -> WorkloadSummary
    {
        WorkloadSummary(
            kind: "ReplicaSet", namespace: "kube-system", name: name, desiredReplicas: replicas,
            controller: OwnerRef(kind: "Deployment", name: "coredns"),
            templateContainers: [container("coredns", image: "coredns:1.11", memoryLimit: memoryLimit)],
            createdAt: t0.addingTimeInterval(-age), revision: revision, deploymentReplicas: replicas)
    }

    @Test func deploymentHistoryListsReplicaSetsNewestFirstWithTheirChangesAndPods() {
        let snapshot = ClusterSnapshot(
            pods: [
                PodSummary(
                    namespace: "kube-system", name: "coredns-b-1",
                    controller: OwnerRef(kind: "ReplicaSet", name: "coredns-b")),
                PodSummary(
                    namespace: "kube-system", name: "coredns-b-2",
                    controller: OwnerRef(kind: "ReplicaSet", name: "coredns-b")),
            ],
            workloads: [
                Self.replicaSet("coredns-a", revision: 1, age: 3_600, memoryLimit: 256 * mi),
                Self.replicaSet("coredns-b", revision: 2, age: 600, memoryLimit: 170 * mi),
                WorkloadSummary(kind: "Deployment", namespace: "kube-system", name: "coredns", desiredReplicas: 2),
            ])
        let history = WorkloadRevision.history(
            of: OwnerKey(kind: "Deployment", namespace: "kube-system", name: "coredns"), in: snapshot)
        #expect(history.map(\.number) == [2, 1])
        #expect(history.map(\.isCurrent) == [true, false])
        #expect(history[0].changes == [.memoryLimit(container: "coredns", from: 256 * mi, to: 170 * mi)])
        #expect(history[0].pods.map(\.name) == ["coredns-b-1", "coredns-b-2"])
        #expect(history[1].changes.isEmpty)
        #expect(history[0].createdAt == t0.addingTimeInterval(-600))
    }

    @Test func statefulSetHistoryMatchesPodsByTheirRevisionLabel() {
        let owner = OwnerRef(kind: "StatefulSet", name: "db")
        let snapshot = ClusterSnapshot(
            pods: [
                PodSummary(
                    namespace: "shop", name: "db-0", labels: ["controller-revision-hash": "db-2b"], controller: owner),
                PodSummary(
                    namespace: "shop", name: "db-1", labels: ["controller-revision-hash": "db-1a"], controller: owner),
            ],
            controllerRevisions: [
                RevisionSummary(
                    namespace: "shop", name: "db-1a", controller: owner, revision: 1, hash: "1a",
                    templateContainers: [container("redis", image: "redis:7.0")]),
                RevisionSummary(
                    namespace: "shop", name: "db-2b", controller: owner, revision: 2, hash: "2b",
                    templateContainers: [container("redis", image: "redis:7.2")]),
            ])
        let history = WorkloadRevision.history(of: OwnerKey(owner, namespace: "shop"), in: snapshot)
        #expect(history.map(\.name) == ["db-2b", "db-1a"])
        #expect(history[0].changes == [.image(container: "redis", from: "redis:7.0", to: "redis:7.2")])
        #expect(history.map { $0.pods.map(\.name) } == [["db-0"], ["db-1"]])
    }

    @Test func daemonSetPodsCarryTheRevisionHashItself() {
        let revision = RevisionSummary(namespace: "kube-system", name: "kube-proxy-9f", revision: 1, hash: "9f")
        #expect(
            revision.runs(PodSummary(namespace: "kube-system", name: "p", labels: ["controller-revision-hash": "9f"])))
        #expect(
            !revision.runs(PodSummary(namespace: "kube-system", name: "q", labels: ["controller-revision-hash": "8e"])))
    }

    @Test func cronJobPodsResolveThroughTheirJobs() {
        let job = JobSummary(
            namespace: "reports", name: "report-generator-1",
            controller: OwnerRef(kind: "CronJob", name: "report-generator"))
        let pod = PodSummary(
            namespace: "reports", name: "report-generator-1-x", controller: OwnerRef(kind: "Job", name: job.name))
        let snapshot = ClusterSnapshot(pods: [pod], jobs: [job])
        #expect(snapshot.owningWorkload(of: pod) == OwnerRef(kind: "CronJob", name: "report-generator"))
        let cronJob = OwnerKey(kind: "CronJob", namespace: "reports", name: "report-generator")
        #expect(snapshot.pods(ownedBy: cronJob).map(\.name) == ["report-generator-1-x"])
        #expect(snapshot.jobs(ownedBy: cronJob).map(\.name) == ["report-generator-1"])
    }

    @Test func jobAndRevisionIndexesFollowWatchEvents() async {
        let store = ClusterStore()
        let cron = OwnerRef(kind: "CronJob", name: "c")
        await store.apply(.jobs, event: WatchEvent.added(JobSummary(namespace: "r", name: "j1", controller: cron)))
        await store.apply(.jobs, event: WatchEvent.added(JobSummary(namespace: "r", name: "j2", controller: cron)))
        await store.apply(.jobs, event: WatchEvent.deleted(JobSummary(namespace: "r", name: "j1", controller: cron)))
        let sts = OwnerRef(kind: "StatefulSet", name: "db")
        await store.replace(
            .controllerRevisions, items: [RevisionSummary(namespace: "r", name: "db-1", controller: sts, revision: 1)])
        let snapshot = await store.snapshot()
        #expect(snapshot.jobs(ownedBy: OwnerKey(cron, namespace: "r")).map(\.name) == ["j2"])
        #expect(snapshot.controllerRevisions(ownedBy: OwnerKey(sts, namespace: "r")).map(\.name) == ["db-1"])
        let rebuilt = ClusterSnapshot(
            jobs: Array(snapshot.jobs.values), controllerRevisions: Array(snapshot.controllerRevisions.values))
        #expect(snapshot.jobsByController == rebuilt.jobsByController)
        #expect(snapshot.revisionsByController == rebuilt.revisionsByController)
    }

    @Test func workloadStatusesListEveryKindWithItsLastRollout() {
        let snapshot = ClusterSnapshot(
            workloads: [
                Self.replicaSet("coredns-a", revision: 1, age: 3_600, memoryLimit: 256 * mi),
                Self.replicaSet("coredns-b", revision: 2, age: 600, memoryLimit: 170 * mi),
                WorkloadSummary(
                    kind: "Deployment", namespace: "kube-system", name: "coredns", desiredReplicas: 2,
                    createdAt: t0.addingTimeInterval(-86_400)),
            ],
            jobs: [JobSummary(namespace: "reports", name: "j", active: 2, startTime: t0)],
            cronJobs: [CronJobSummary(namespace: "reports", name: "c", schedule: "*/1 * * * *", lastScheduleTime: t0)])
        let statuses = WorkloadStatus.all(in: snapshot)
        #expect(statuses.map(\.owner.kind) == ["Deployment", "CronJob", "Job"])
        #expect(statuses[0].lastRollout == t0.addingTimeInterval(-600))
        #expect(statuses[1].note == "*/1 * * * *, 0 jobs active")
        #expect(statuses[2].note == "2 active, 0 succeeded, 0 failed")
    }
}
