import Foundation
import Testing

@testable import ClusterModel

@Suite("Cluster store")
struct ClusterStoreTests {
    func pod(_ name: String, rv: String = "1", phase: String = "Running") -> PodSummary {
        PodSummary(namespace: "demo", name: name, resourceVersion: rv, phase: phase)
    }

    @Test func relistDropsObjectsThatAreGoneAndEqualsAFreshList() async {
        let store = ClusterStore()
        await store.replace(.pods, items: [pod("a"), pod("b"), pod("c")])
        await store.apply(.pods, event: WatchEvent.modified(pod("a", rv: "6", phase: "Failed")))
        await store.markStale(.pods, reason: "connection refused", at: referenceNow)
        await store.replace(.pods, items: [pod("a", rv: "9"), pod("d", rv: "8")])
        let fresh = ClusterStore()
        await fresh.replace(.pods, items: [pod("a", rv: "9"), pod("d", rv: "8")])
        #expect(await store.snapshot().pods == fresh.snapshot().pods)
    }

    @Test func errorsMarkTheStoreStaleButKeepTheLastKnownState() async {
        let store = ClusterStore()
        await store.replace(.pods, items: [pod("a")], at: referenceNow)
        await store.markStale(.pods, reason: "connection refused", at: referenceNow.addingTimeInterval(10))
        await store.markStale(.nodes, reason: "connection refused", at: referenceNow.addingTimeInterval(20))
        var snapshot = await store.snapshot()
        #expect(snapshot.pods.count == 1)
        #expect(snapshot.health.staleSince == referenceNow.addingTimeInterval(10))
        #expect(snapshot.health.lastContact == referenceNow)
        #expect(snapshot.health.lastError == "nodes: connection refused")
        await store.markFresh(.pods, at: referenceNow.addingTimeInterval(30))
        snapshot = await store.snapshot()
        #expect(snapshot.health.staleSince == referenceNow.addingTimeInterval(20))
        await store.markFresh(.nodes, at: referenceNow.addingTimeInterval(31))
        snapshot = await store.snapshot()
        #expect(snapshot.health.isStale == false)
        #expect(snapshot.health.lastError == nil)
        #expect(snapshot.health.lastContact == referenceNow.addingTimeInterval(31))
    }

    @Test func everyChangeBumpsTheGenerationAndBookmarksDoNot() async {
        let store = ClusterStore()
        await store.replace(.pods, items: [pod("a")])
        await store.apply(.pods, event: WatchEvent<PodSummary>.added(pod("b")))
        await store.apply(.pods, event: WatchEvent<PodSummary>.deleted(pod("a")))
        await store.apply(
            .pods, event: WatchEvent<PodSummary>.bookmark(resourceVersion: "9", isInitialEventsEnd: false))
        let snapshot = await store.snapshot()
        #expect(snapshot.generation == 3)
        #expect(snapshot.pods.keys.map(\.name) == ["b"])
        #expect(snapshot.health.syncedResources == ["pods"])
    }

    @Test func workloadsOfEachKindLiveInTheirOwnDictionary() async throws {
        let store = ClusterStore()
        await store.replace(
            .deployments,
            items: [WorkloadSummary(kind: "Deployment", namespace: "demo", name: "web", desiredReplicas: 2)])
        await store.replace(
            .replicaSets,
            items: [
                WorkloadSummary(
                    kind: "ReplicaSet", namespace: "demo", name: "web-1", desiredReplicas: 2,
                    controller: OwnerRef(kind: "Deployment", name: "web"))
            ])
        await store.replace(
            .pods,
            items: [
                PodSummary(namespace: "demo", name: "web-1-x", controller: OwnerRef(kind: "ReplicaSet", name: "web-1"))
            ])
        let snapshot = await store.snapshot()
        #expect(snapshot.deployments.count == 1)
        #expect(snapshot.replicaSets.count == 1)
        #expect(snapshot.workloads.count == 2)
        let pod = try #require(snapshot.pods.values.first)
        #expect(snapshot.owningWorkload(of: pod) == OwnerRef(kind: "Deployment", name: "web"))
    }

    @Test func changesStreamCoalescesToTheNewestGeneration() async {
        let store = ClusterStore()
        let changes = await store.changes()
        for i in 0..<5 { await store.apply(.pods, event: WatchEvent.added(pod("p\(i)"))) }
        var iterator = changes.makeAsyncIterator()
        #expect(await iterator.next() == 5)
    }

    @Test func waitingForSyncReturnsOnceEveryResourceIsListed() async {
        let store = ClusterStore()
        let waiter = Task { await store.waitUntilSynced([.pods, .nodes]) }
        await store.replace(.pods, items: [pod("a")])
        await store.replace(.nodes, items: [NodeSummary(name: "n")])
        await waiter.value
        #expect(await store.snapshot().health.syncedResources == ["pods", "nodes"])
    }

    @Test func forbiddenResourceIsUnavailableNotStale() async {
        let store = ClusterStore()
        await store.markUnavailable(.podDisruptionBudgets, reason: "Forbidden: no")
        var health = await store.snapshot().health
        #expect(health.unavailableResources == ["poddisruptionbudgets": "Forbidden: no"])
        #expect(health.isStale == false)
        await store.replace(.podDisruptionBudgets, items: [PDBSummary]())
        health = await store.snapshot().health
        #expect(health.unavailableResources.isEmpty)
    }
}
