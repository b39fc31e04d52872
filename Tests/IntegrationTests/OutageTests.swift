import ClusterModel
import Foundation
import TestSupport
import Testing

/// The API server goes away for two simulated minutes while the cluster changes and its history is compacted.
@Suite("API server outage over HTTPS")
struct OutageTests {
    @Test func outageKeepsLastStateMarksItStaleAndCatchesUpAfter() async throws {
        try await LiveCluster.with("apiserver-outage") { live in
            let before = await live.connection.store.snapshot()
            let checkout = ObjectKey(namespace: "shop", name: "checkout")
            let replicasBefore = try #require(before.deployments[checkout]?.desiredReplicas)
            #expect(replicasBefore != 4)
            #expect(!before.pods.isEmpty)

            try await live.advance(seconds: 125)
            #expect(await live.cluster.isAvailable == false, "the scenario's outage began at 2:00")
            try await eventually("the stale state") {
                live.states.all.contains { if case .stale = $0 { true } else { false } }
            }
            let during = await live.connection.store.snapshot()
            #expect(during.health.isStale)
            #expect(during.pods.count >= before.pods.count - 1, "the last known state is kept")
            #expect(during.deployments[checkout]?.desiredReplicas == replicasBefore)

            try await live.advance(seconds: 120)
            #expect(await live.cluster.isAvailable, "the outage ended at 4:00")
            try await eventually("reconnected with checkout at 4 replicas", timeout: 60) {
                let snapshot = await live.connection.store.snapshot()
                return live.states.all.contains(.reconnected) && !snapshot.health.isStale
                    && snapshot.deployments[checkout]?.desiredReplicas == 4
            }
            // The store matches a fresh list (the simulator's clock is stopped, so the cluster is still).
            let client = await live.connection.client
            var pods: [ObjectKey: String] = [:]
            var deployments: [ObjectKey: String] = [:]
            try await eventually("the store to equal a fresh list", timeout: 60) {
                // A list may time out while the client's pool reconnects after the outage: that is a retry, not a failure.
                guard let freshPods = try? await client.listAll(PodSummary.self, .pods).items,
                    let freshDeployments = try? await client.listAll(WorkloadSummary.self, .deployments).items
                else { return false }
                pods = Dictionary(uniqueKeysWithValues: freshPods.map { ($0.key, $0.resourceVersion) })
                deployments = Dictionary(uniqueKeysWithValues: freshDeployments.map { ($0.key, $0.resourceVersion) })
                let snapshot = await live.connection.store.snapshot()
                return snapshot.pods.mapValues(\.resourceVersion) == pods
                    && snapshot.deployments.mapValues(\.resourceVersion) == deployments
            }
            let after = await live.connection.store.snapshot()
            #expect(after.pods.mapValues(\.resourceVersion) == pods)
            #expect(after.deployments.mapValues(\.resourceVersion) == deployments)
            #expect(after.pods.values.filter { $0.labels["app"] == "checkout" }.count >= 4)
            let stale = live.states.all.firstIndex { if case .stale = $0 { true } else { false } }
            let back = live.states.all.firstIndex(of: .reconnected)
            #expect(stale != nil && back != nil && stale! < back!, "stale, then reconnected: \(live.states.all)")
        }
    }
}
