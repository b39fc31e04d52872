import Foundation
import Testing

@testable import ClusterSim

/// The store's own bookkeeping: DELETED states, the owner index and pod facts.
@Suite("Object store")
struct ObjectStoreTests {
    static func pod(_ name: String, owner: String? = nil) -> Pod {
        var meta = ObjectMeta(name: name, namespace: "default", annotations: ["note": #"{"resourceVersion":"1"}"#])
        if let owner {
            meta.ownerReferences = [
                OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: owner, uid: owner, controller: true)
            ]
        }
        return Pod(metadata: meta, spec: PodSpec(containers: [Container(name: "c", image: "i", resources: nil)]))
    }

    static func store() throws -> ObjectStore {
        let store = ObjectStore(seed: 1, clock: { Timestamp(seconds: 1_795_251_600) })
        try store.create(Namespace(metadata: ObjectMeta(name: "default")))
        return store
    }

    @Test func aRemovedObjectsLastStateCarriesItsNewResourceVersionAndNothingElseNew() throws {
        let store = try Self.store()
        try store.create(Self.pod("web"))
        store.remove(.pods, "default/web")
        let deleted = try #require(store.table(.pods)?.history.last)
        #expect(deleted.type == .deleted)
        let served = try JSONValue(parsing: Data(deleted.stored.json))
        let expected = try JSONValue(parsing: Data(store.encode(deleted.stored.object)))
        #expect(served == expected)
        #expect(served[path: ["metadata", "resourceVersion"]] == .string(String(store.resourceVersion)))
    }

    @Test func theOwnerIndexFollowsAnOwnerChangeAndARemoval() throws {
        let store = try Self.store()
        try store.create(Self.pod("web", owner: "rs-a"))
        #expect(store.podsByOwner["rs-a"] == ["default/web"])
        var moved = try #require(store.get(Pod.self, "default/web"))
        moved.metadata.ownerReferences?[0].uid = "rs-b"
        try store.update(moved)
        #expect(store.podsByOwner["rs-a"] == nil)
        #expect(store.podsByOwner["rs-b"] == ["default/web"])
        store.remove(.pods, "default/web")
        #expect(store.podsByOwner.isEmpty)
        #expect(store.podFacts.isEmpty)
    }

    @Test func podFactsFollowReadinessAndDeletion() throws {
        let store = try Self.store()
        try store.create(Self.pod("web"))
        #expect(store.podFacts["default/web"]?.isReady == false)
        store.modify(Pod.self, "default/web") {
            $0.status.conditions = [PodCondition(type: "Ready", status: "True")]
            $0.metadata.deletionTimestamp = Timestamp(seconds: 1_795_251_630)
            return true
        }
        #expect(store.podFacts["default/web"]?.isReady == true)
        #expect(store.podFacts["default/web"]?.isTerminating == true)
    }
}
