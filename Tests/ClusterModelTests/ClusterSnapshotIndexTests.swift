import Foundation
import Testing

@testable import ClusterModel

private func pod(
    _ name: String, node: String? = "n1", phase: String = "Running", owner: OwnerRef? = nil,
    cpu: Int64? = 100, memory: Int64? = 64 << 20, cpuLimit: Int64? = nil, memoryLimit: Int64? = 128 << 20
) -> PodSummary {
    PodSummary(
        namespace: "demo", name: name, nodeName: node, phase: phase, controller: owner,
        containers: [
            ContainerSpecSummary(
                name: "app",
                resources: ContainerResources(
                    cpuRequestMillis: cpu, cpuLimitMillis: cpuLimit, memoryRequestBytes: memory,
                    memoryLimitBytes: memoryLimit))
        ])
}

private func replicaSet(_ name: String, deployment: String?) -> WorkloadSummary {
    WorkloadSummary(
        kind: "ReplicaSet", namespace: "demo", name: name, desiredReplicas: 1,
        controller: deployment.map { OwnerRef(kind: "Deployment", name: $0) })
}

@Suite("Cluster snapshot indexes")
struct ClusterSnapshotIndexTests {
    enum Step: Sendable {
        case relistPods([PodSummary])
        case podEvent(WatchEvent<PodSummary>)
        case relistReplicaSets([WorkloadSummary])
        case replicaSetEvent(WatchEvent<WorkloadSummary>)
    }

    static let rs = OwnerRef(kind: "ReplicaSet", name: "web-1")

    /// Stories of store changes; after each, the indexes must equal those of a snapshot built from scratch.
    static let stories: [(String, [Step])] = [
        (
            "pods added, one deleted",
            [.podEvent(.added(pod("a"))), .podEvent(.added(pod("b"))), .podEvent(.deleted(pod("a")))]
        ),
        (
            "a pod is scheduled, then moves node",
            [
                .podEvent(.added(pod("a", node: nil))), .podEvent(.modified(pod("a", node: "n1"))),
                .podEvent(.modified(pod("a", node: "n2"))),
            ]
        ),
        (
            "a pod completes and is deleted",
            [
                .relistPods([pod("a"), pod("b")]), .podEvent(.modified(pod("a", phase: "Succeeded"))),
                .podEvent(.deleted(pod("a", phase: "Succeeded"))),
            ]
        ),
        (
            "a pod's requests change (in-place resize)",
            [
                .podEvent(.added(pod("a", cpu: 100))), .podEvent(.modified(pod("a", cpu: 250, cpuLimit: 500))),
            ]
        ),
        (
            "a relist drops what is gone",
            [
                .podEvent(.added(pod("a", owner: rs))), .podEvent(.added(pod("b", node: "n2"))),
                .relistPods([pod("b", node: "n3"), pod("c", owner: rs)]),
            ]
        ),
        (
            "a pod changes controller",
            [
                .podEvent(.added(pod("a", owner: rs))),
                .podEvent(.modified(pod("a", owner: OwnerRef(kind: "StatefulSet", name: "db")))),
            ]
        ),
        (
            "a ReplicaSet is adopted, orphaned and deleted",
            [
                .relistReplicaSets([replicaSet("web-1", deployment: "web")]),
                .replicaSetEvent(.modified(replicaSet("web-1", deployment: "web-v2"))),
                .replicaSetEvent(.modified(replicaSet("web-1", deployment: nil))),
                .replicaSetEvent(.added(replicaSet("web-2", deployment: "web"))),
                .replicaSetEvent(.deleted(replicaSet("web-2", deployment: "web"))),
            ]
        ),
        (
            "deleting a pod that is not there changes nothing",
            [
                .relistPods([pod("a")]), .podEvent(.deleted(pod("ghost"))),
            ]
        ),
    ]

    @Test(arguments: stories)
    func indexesFollowEveryChangeAsARebuildWouldSeeThem(name: String, steps: [Step]) async {
        let store = ClusterStore()
        for step in steps {
            switch step {
            case .relistPods(let pods): await store.replace(.pods, items: pods)
            case .podEvent(let event): await store.apply(.pods, event: event)
            case .relistReplicaSets(let sets): await store.replace(.replicaSets, items: sets)
            case .replicaSetEvent(let event): await store.apply(.replicaSets, event: event)
            }
            let live = await store.snapshot()
            let rebuilt = ClusterSnapshot(pods: Array(live.pods.values), workloads: Array(live.replicaSets.values))
            #expect(live.podsByNode == rebuilt.podsByNode, "\(name)")
            #expect(live.podsByController == rebuilt.podsByController, "\(name)")
            #expect(live.replicaSetsByController == rebuilt.replicaSetsByController, "\(name)")
            #expect(live.nodeTotals == rebuilt.nodeTotals, "\(name)")
        }
    }

    /// Pods on `n1`, and the totals expected there.
    static let totals: [(String, [PodSummary], PodTotals)] = [
        ("no pods", [], .zero),
        (
            "requests and limits add up", [pod("a"), pod("b", cpu: 250, memory: nil, cpuLimit: 500, memoryLimit: nil)],
            PodTotals(
                podCount: 2, cpuRequestMillis: 350, cpuLimitMillis: 500, memoryRequestBytes: 64 << 20,
                memoryLimitBytes: 128 << 20)
        ),
        (
            "terminated pods count for nothing",
            [pod("a"), pod("done", phase: "Succeeded"), pod("failed", phase: "Failed")],
            PodTotals(podCount: 1, cpuRequestMillis: 100, memoryRequestBytes: 64 << 20, memoryLimitBytes: 128 << 20)
        ),
        (
            "pending pods ask for room too", [pod("a", phase: "Pending")],
            PodTotals(podCount: 1, cpuRequestMillis: 100, memoryRequestBytes: 64 << 20, memoryLimitBytes: 128 << 20)
        ),
        ("pods elsewhere or unscheduled are not this node's", [pod("x", node: "n2"), pod("y", node: nil)], .zero),
    ]

    @Test(arguments: totals)
    func nodeTotalsSumThePodsBoundToTheNode(name: String, pods: [PodSummary], expected: PodTotals) {
        #expect(ClusterSnapshot(pods: pods).podTotals(onNode: "n1") == expected, "\(name)")
    }

    @Test func podsOnANodeComeFromTheIndexInKeyOrder() {
        let snapshot = ClusterSnapshot(pods: [pod("b"), pod("a"), pod("c", node: "n2"), pod("d", phase: "Failed")])
        #expect(snapshot.pods(onNode: "n1").map(\.name) == ["a", "b", "d"])
        #expect(snapshot.pods(onNode: "n9").isEmpty)
    }

    static let owners: [(String, OwnerKey, [String])] = [
        (
            "a Deployment's pods are its ReplicaSets' pods",
            OwnerKey(kind: "Deployment", namespace: "demo", name: "web"), ["w1", "w2", "w3"]
        ),
        ("a ReplicaSet's own pods", OwnerKey(kind: "ReplicaSet", namespace: "demo", name: "web-1"), ["w1", "w2"]),
        (
            "a StatefulSet owns its pods directly", OwnerKey(kind: "StatefulSet", namespace: "demo", name: "db"),
            ["db-0"]
        ),
        (
            "the same name in another namespace is another owner",
            OwnerKey(kind: "Deployment", namespace: "other", name: "web"), []
        ),
    ]

    @Test(arguments: owners)
    func podsByOwnerFollowTheTopLevelController(name: String, owner: OwnerKey, expected: [String]) {
        let snapshot = ClusterSnapshot(
            pods: [
                pod("w1", owner: OwnerRef(kind: "ReplicaSet", name: "web-1")),
                pod("w2", owner: OwnerRef(kind: "ReplicaSet", name: "web-1")),
                pod("w3", owner: OwnerRef(kind: "ReplicaSet", name: "web-2")),
                pod("db-0", owner: OwnerRef(kind: "StatefulSet", name: "db")),
                pod("lone"),
            ],
            workloads: [
                WorkloadSummary(kind: "Deployment", namespace: "demo", name: "web", desiredReplicas: 3),
                replicaSet("web-1", deployment: "web"), replicaSet("web-2", deployment: "web"),
            ])
        #expect(snapshot.pods(ownedBy: owner).map(\.name) == expected, "\(name)")
    }

    @Test func nodeUsageSumsTheRunningPodsContainersTheMetricsKnow() {
        let snapshot = ClusterSnapshot(pods: [
            pod("a"), pod("b"), pod("done", phase: "Succeeded"), pod("c", node: "n2"),
        ])
        func ref(_ pod: String) -> ContainerRef { ContainerRef(namespace: "demo", pod: pod, container: "app") }
        let metrics = MetricsSnapshot(containers: [
            ref("a"): ContainerUsage(workingSetBytes: 100, cpuUsageMillis: 10),
            ref("b"): ContainerUsage(workingSetBytes: 50),
            ref("done"): ContainerUsage(workingSetBytes: 1_000, cpuUsageMillis: 1_000),
            ref("c"): ContainerUsage(workingSetBytes: 7, cpuUsageMillis: 7),
        ])
        #expect(snapshot.usage(onNode: "n1", metrics: metrics) == NodeUsage(cpuMillis: 10, workingSetBytes: 150))
        #expect(snapshot.usage(onNode: "n1", metrics: .empty) == NodeUsage())
    }
}
