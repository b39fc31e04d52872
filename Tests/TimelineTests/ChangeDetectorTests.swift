import ClusterModel
import Foundation
import Testing

@testable import Timeline

@Suite("Changes seen in the store")
struct ChangeDetectorTests {
    static func deployment(
        replicas: Int = 2, memoryLimit: Int64 = 170 << 20, generation: Int64 = 1, version: String = "1"
    ) -> WorkloadSummary {
        WorkloadSummary(
            kind: "Deployment", namespace: "kube-system", name: "coredns", resourceVersion: version,
            desiredReplicas: replicas, generation: generation,
            templateContainers: [
                ContainerSpecSummary(name: "coredns", resources: ContainerResources(memoryLimitBytes: memoryLimit))
            ])
    }

    static func changes(_ before: ClusterSnapshot, _ after: ClusterSnapshot) -> [EntryDraft] {
        ChangeDetector.changes(from: before, to: after, context: "test", at: TemporaryJournal.at(1))
    }

    @Test(arguments: [
        (
            deployment(replicas: 4, version: "2"), ChangeRecord.Change.scale,
            "scaled Deployment kube-system/coredns from 2 to 4 replicas"
        ),
        (
            deployment(memoryLimit: 256 << 20, generation: 2, version: "2"), .limitChange,
            "changed resources of container coredns in Deployment kube-system/coredns: limits memory 170Mi → limits memory 256Mi"
        ),
        (
            deployment(generation: 2, version: "2"), .rollout,
            "rolled out Deployment kube-system/coredns (generation 1 → 2)"
        ),
    ])
    func aWorkloadChangeIsSeenOnceWithWhatItWasAndBecame(
        after: WorkloadSummary, change: ChangeRecord.Change, summary: String
    ) {
        let drafts = Self.changes(
            ClusterSnapshot(workloads: [Self.deployment()]), ClusterSnapshot(workloads: [after]))
        #expect(drafts.count == 1)
        #expect(drafts.first?.summary == summary)
        guard case .changeSeen(let record) = drafts.first?.body else {
            Issue.record("not a change")
            return
        }
        #expect(record.change == change)
        #expect(
            drafts.first?.subject == ObservationSubject(kind: "Deployment", namespace: "kube-system", name: "coredns"))
    }

    @Test func statusOnlyUpdatesAreNotChanges() {
        var after = Self.deployment(version: "2")
        after.readyReplicas = 1
        #expect(
            Self.changes(ClusterSnapshot(workloads: [Self.deployment()]), ClusterSnapshot(workloads: [after])).isEmpty)
    }

    @Test func cordonAndUncordonOfANodeAreSeen() {
        let ready = NodeSummary(name: "worker-1", resourceVersion: "1")
        let cordoned = NodeSummary(name: "worker-1", resourceVersion: "2", isUnschedulable: true)
        let cordon = Self.changes(ClusterSnapshot(nodes: [ready]), ClusterSnapshot(nodes: [cordoned]))
        let uncordon = Self.changes(ClusterSnapshot(nodes: [cordoned]), ClusterSnapshot(nodes: [ready]))
        #expect(cordon.map(\.summary) == ["cordoned node worker-1"])
        #expect(uncordon.map(\.summary) == ["uncordoned node worker-1"])
    }

    @Test func anInPlaceResizeOfAPodIsALimitChange() {
        func pod(_ limit: Int64) -> PodSummary {
            PodSummary(
                namespace: "demo", name: "web-1",
                containers: [ContainerSpecSummary(name: "app", resources: ContainerResources(memoryLimitBytes: limit))])
        }
        let drafts = Self.changes(ClusterSnapshot(pods: [pod(1 << 30)]), ClusterSnapshot(pods: [pod(3 << 29)]))
        #expect(
            drafts.map(\.summary) == [
                "resized container app of pod demo/web-1: limits memory 1Gi → limits memory 1536Mi"
            ])
    }
}
