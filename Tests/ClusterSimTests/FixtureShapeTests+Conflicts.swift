import Foundation
import TestSupport
import Testing

@testable import ClusterSim

extension FixtureShapeTests {
    @Test(arguments: ["PATCH", "PUT"])
    func aWriteCarryingAStaleResourceVersionConflictsLikeTheRealServer(method: String) async throws {
        let uri = "/apis/apps/v1/namespaces/kube-system/deployments/coredns"
        let read = await sim.get(uri)
        let touched = await sim.request(
            "PATCH", uri, body: #"{"metadata":{"labels":{"touched":"yes"}}}"#,
            contentType: "application/merge-patch+json")
        #expect(touched.status == 200)
        let stale = read.setting(
            "metadata", (read["metadata"] ?? .object([:])).setting("labels", .object(["stale": "yes"])))
        let body =
            method == "PUT"
            ? stale.encodedText
            : #"{"metadata":{"resourceVersion":"\#(read[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")"},"spec":{"replicas":3}}"#
        let reply = await sim.request(
            method, uri, body: body,
            contentType: method == "PUT" ? "application/json" : "application/strategic-merge-patch+json")
        #expect(reply.status == 409)
        #expect(reply.json == (try Fixtures.json("deployment-patch-stale-resourceversion-409.json")))
        #expect(await sim.get(uri)[path: ["spec", "replicas"]] == .int(2))
    }
}
