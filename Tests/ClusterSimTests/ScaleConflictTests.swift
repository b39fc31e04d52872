import Foundation
import Testing

@testable import ClusterSim

/// A patch of the scale subresource carrying a resourceVersion, as a real API server treats it.
@Suite("Scale subresource preconditions")
struct ScaleConflictTests {
    @Test func aScalePatchWithAStaleResourceVersionIsAConflictAndAFreshOneApplies() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let uri = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale"
        let version = await sim.get(uri)[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        await sim.cluster.advance(bySeconds: 1)
        _ = await sim.request(
            "PATCH", uri, body: #"{"spec":{"replicas":3}}"#, contentType: "application/merge-patch+json")
        let stale = await sim.request(
            "PATCH", uri, body: #"{"metadata":{"resourceVersion":"\#(version)"},"spec":{"replicas":5}}"#,
            contentType: "application/merge-patch+json")
        #expect(stale.status == 409)
        #expect(stale.json["reason"] == "Conflict")
        #expect(
            stale.json["message"]?.stringValue
                == "Operation cannot be fulfilled on deployments.apps \"checkout\": the object has been modified; please apply your changes to the latest version and try again"
        )
        let fresh = await sim.get(uri)[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        let applied = await sim.request(
            "PATCH", uri, body: #"{"metadata":{"resourceVersion":"\#(fresh)"},"spec":{"replicas":5}}"#,
            contentType: "application/merge-patch+json")
        #expect(applied.status == 200)
        #expect(applied.json[path: ["spec", "replicas"]] == 5)
    }
}
