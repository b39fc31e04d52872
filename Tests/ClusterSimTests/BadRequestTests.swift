import Foundation
import Testing

@testable import ClusterSim

/// Bad requests get the Status error a real API server gives, never a crash.
@Suite("Bad requests")
struct BadRequestTests {
    let sim: SimHarness

    init() throws { sim = try SimHarness("coredns-dns-spike") }

    struct Case: Sendable, CustomStringConvertible {
        let method: String
        let uri: String
        let body: String
        let contentType: String
        let status: Int
        let reason: String
        var description: String { "\(method) \(uri) → \(status) \(reason)" }
    }

    static let cases: [Case] = [
        Case(
            method: "GET", uri: "/api/v1/widgets", body: "", contentType: "application/json", status: 404,
            reason: "NotFound"),
        Case(
            method: "GET", uri: "/apis/apps/v1/namespaces/shop/deployments/nope", body: "",
            contentType: "application/json", status: 404, reason: "NotFound"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend", body: #"{"spec":"#,
            contentType: "application/merge-patch+json", status: 400, reason: "BadRequest"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend",
            body: #"[{"op":"replace","path":"/spec/nothing/here","value":1}]"#,
            contentType: "application/json-patch+json", status: 400, reason: "BadRequest"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend",
            body: #"{"spec":{"replicas":-3}}"#,
            contentType: "application/merge-patch+json", status: 422, reason: "Invalid"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend",
            body: #"{"spec":{"replicas":"many"}}"#,
            contentType: "application/merge-patch+json", status: 400, reason: "BadRequest"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend",
            body: #"{"spec":{"replicas":2}}"#,
            contentType: "text/plain", status: 415, reason: "UnsupportedMediaType"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend",
            body: #"{"metadata":{"resourceVersion":"1"},"spec":{"replicas":2}}"#,
            contentType: "application/merge-patch+json", status: 409, reason: "Conflict"),
        Case(
            method: "POST", uri: "/api/v1/namespaces/shop/pods", body: "\u{0}\u{1}garbage",
            contentType: "application/json", status: 400, reason: "BadRequest"),
        Case(
            method: "POST", uri: "/api/v1/namespaces/missing/pods",
            body: #"{"metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"x"}]}}"#,
            contentType: "application/json", status: 404, reason: "NotFound"),
        Case(
            method: "GET", uri: "/api/v1/pods?fieldSelector=spec.color%3Dred", body: "",
            contentType: "application/json", status: 400, reason: "BadRequest"),
        Case(
            method: "GET", uri: "/api/v1/pods?labelSelector=app%20in%20frontend", body: "",
            contentType: "application/json", status: 400, reason: "BadRequest"),
        Case(
            method: "GET", uri: "/api/v1/pods?limit=1&continue=not-a-token", body: "", contentType: "application/json",
            status: 400, reason: "BadRequest"),
        Case(
            method: "DELETE", uri: "/api/v1/namespaces/shop/pods", body: "", contentType: "application/json",
            status: 405, reason: "MethodNotAllowed"),
        Case(
            method: "PATCH", uri: "/apis/apps/v1/namespaces/shop/deployments/frontend/scale",
            body: #"{"spec":{"replicas":-1}}"#,
            contentType: "application/merge-patch+json", status: 422, reason: "Invalid"),
    ]

    @Test(arguments: cases)
    func answersWithTheRealStatus(_ bad: Case) async throws {
        let reply = await sim.request(bad.method, bad.uri, body: bad.body, contentType: bad.contentType)
        #expect(reply.status == bad.status, "\(reply.text)")
        #expect(reply.json["kind"] == "Status")
        #expect(reply.json["reason"] == .string(bad.reason), "\(reply.text)")
        #expect(reply.json["code"] == .int(Int64(bad.status)))
        #expect(reply.json["message"]?.stringValue?.isEmpty == false)
    }

    @Test func readOnlyTokenCannotWriteButCanRead() async throws {
        #expect(await sim.request("GET", "/api/v1/pods", token: SimHarness.viewer).status == 200)
        let reply = await sim.request(
            "PATCH", "/api/v1/nodes/node-1", body: #"{"spec":{"unschedulable":true}}"#, token: SimHarness.viewer,
            contentType: "application/strategic-merge-patch+json")
        #expect(reply.status == 403)
        #expect(reply.json["reason"] == "Forbidden")
    }

    @Test func faultsAnswer429WithRetryAfterAnd500() async throws {
        var faults = FaultState()
        faults.throttleRemaining = 1
        faults.retryAfterSeconds = 7
        faults.errorsRemaining = 1
        await sim.cluster.setFaults(faults)
        let error = await sim.request("GET", "/api/v1/pods")
        #expect(error.status == 500)
        let throttled = await sim.request("GET", "/api/v1/pods")
        #expect(throttled.status == 429)
        #expect(throttled.header("Retry-After") == "7")
        #expect(throttled.json[path: ["details", "retryAfterSeconds"]] == .int(7))
        #expect(await sim.request("GET", "/api/v1/pods").status == 200)
    }

    @Test func controlEndpointInjectsFaultsAndRejectsUnknownOnes() async throws {
        let reply = await sim.request("POST", "/sim/faults", body: #"{"latencyMilliseconds":250}"#)
        #expect(reply.status == 200)
        #expect(await sim.cluster.addedLatency == .milliseconds(250))
        #expect(await sim.request("POST", "/sim/faults", body: #"{"gremlins":1}"#).status == 400)
        #expect(await sim.request("GET", "/sim/status", token: SimHarness.viewer).status == 401)
    }

    @Test func cutWatchEndsMidLine() async throws {
        let headers: [(name: String, value: String)] = [("Authorization", SimHarness.admin)]
        guard
            case .stream(_, let chunks) = await sim.cluster.handle(
                APIRequest(
                    method: "GET", uri: "/api/v1/pods?watch=1&resourceVersion=\(await sim.cluster.resourceVersion)",
                    headers: headers, body: []))
        else {
            Issue.record("not a stream")
            return
        }
        await sim.cluster.cutWatches()
        var sawCut = false
        for await chunk in chunks {
            if case .cut(let bytes) = chunk { sawCut = !bytes.isEmpty && bytes.last != UInt8(ascii: "\n") }
        }
        #expect(sawCut)
    }
}
