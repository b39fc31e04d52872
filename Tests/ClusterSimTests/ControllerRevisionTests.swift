import Foundation
import Testing

@testable import ClusterSim

/// The DaemonSet and StatefulSet controllers keep a ControllerRevision per template, as the real ones do.
@Suite("Controller revisions")
struct ControllerRevisionTests {
    static func revisions(_ sim: SimHarness, _ namespace: String) async -> [JSONValue] {
        await sim.get("/apis/apps/v1/namespaces/\(namespace)/controllerrevisions")["items"]?.arrayValue ?? []
    }

    @Test func daemonSetsAndStatefulSetsHaveTheirFirstRevision() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let system = await Self.revisions(sim, "kube-system")
        let proxy = system.first { $0[path: ["metadata", "ownerReferences"]]?[0]?["name"] == "kube-proxy" }
        #expect(proxy?["revision"] == .int(1))
        #expect(proxy?[path: ["metadata", "ownerReferences"]]?[0]?["kind"] == "DaemonSet")
        let hash = proxy?[path: ["metadata", "labels", "controller-revision-hash"]]?.stringValue ?? ""
        #expect(proxy?[path: ["metadata", "name"]]?.stringValue == "kube-proxy-\(hash)")
        #expect(proxy?[path: ["data", "spec", "template", "$patch"]] == "replace")
        let pods = await sim.pods("kube-system", label: "app%3Dkube-proxy")
        #expect(
            !pods.isEmpty
                && pods.allSatisfy {
                    $0[path: ["metadata", "labels", "controller-revision-hash"]]?.stringValue == hash
                })
        let shop = await Self.revisions(sim, "shop")
        let redis = shop.first { $0[path: ["metadata", "ownerReferences"]]?[0]?["name"] == "cart-redis" }
        let status = await sim.get("/apis/apps/v1/namespaces/shop/statefulsets/cart-redis")["status"]
        #expect(redis?[path: ["metadata", "name"]] == status?["updateRevision"])
    }

    @Test func aTemplateChangeAddsARevisionAndARollbackRenumbersTheOldOne() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let uri = "/apis/apps/v1/namespaces/logging/daemonsets/fluent-bit"
        func image(_ tag: String) -> String {
            #"{"spec":{"template":{"spec":{"containers":[{"name":"fluent-bit","image":"cr.fluentbit.io/fluent/fluent-bit:\#(tag)"}]}}}}"#
        }
        _ = await sim.request("PATCH", uri, body: image("3.3"), contentType: "application/strategic-merge-patch+json")
        await sim.cluster.advance(bySeconds: 1)
        var revisions = await Self.revisions(sim, "logging")
        #expect(revisions.compactMap { $0["revision"]?.intValue }.sorted() == [1, 2])
        let first = revisions.first { $0["revision"] == .int(1) }?[path: ["metadata", "name"]]
        _ = await sim.request("PATCH", uri, body: image("3.2"), contentType: "application/strategic-merge-patch+json")
        await sim.cluster.advance(bySeconds: 1)
        revisions = await Self.revisions(sim, "logging")
        #expect(revisions.count == 2)
        #expect(revisions.first { $0[path: ["metadata", "name"]] == first }?["revision"] == .int(3))
    }
}
