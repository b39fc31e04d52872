import Foundation
import TestSupport
import Testing

@testable import ClusterSim

/// Server-side apply answers as the real server did in `ssa-apply-*`, and every write records its field manager.
@Suite("Server-side apply")
struct ServerSideApplyTests {
    static let uri = "/api/v1/namespaces/ssa-demo/configmaps/ssa"

    static func body(_ level: String) -> String {
        #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa","namespace":"ssa-demo"},"data":{"level":"\#(level)"}}"#
    }

    static func apply(_ sim: SimHarness, _ manager: String, _ level: String, force: Bool = false) async
        -> SimHarness.Reply
    {
        await sim.request(
            "PATCH", uri + "?fieldManager=\(manager)" + (force ? "&force=true" : ""), body: body(level),
            contentType: "application/apply-patch+yaml")
    }

    static func serving() async throws -> SimHarness {
        let sim = try SimHarness("coredns-dns-spike")
        _ = await sim.request(
            "POST", "/api/v1/namespaces",
            body: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ssa-demo"}}"#)
        return sim
    }

    @Test func applyCreatesTheObjectWithTheAppliersManagedFields() async throws {
        let sim = try await Self.serving()
        let created = await Self.apply(sim, "alice", "debug")
        let fixture = try Fixtures.json("ssa-apply-create.json")
        #expect(created.status == 201, "\(created.text)")
        #expect(created.json["data"] == fixture["data"])
        let entry = created.json[path: ["metadata", "managedFields"]]?[0]
        let expected = fixture[path: ["metadata", "managedFields"]]?[0]
        for key in ["manager", "operation", "apiVersion", "fieldsType", "fieldsV1"] {
            #expect(entry?[key] == expected?[key], "managedFields \(key)")
        }
        #expect(created.json[path: ["metadata", "managedFields"]]?.arrayValue?.count == 1)
    }

    @Test func aSecondManagerConflictsLikeTheRealServerUntilItForces() async throws {
        let sim = try await Self.serving()
        _ = await Self.apply(sim, "alice", "debug")
        let conflict = await Self.apply(sim, "bob", "info")
        #expect(conflict.status == 409)
        #expect(conflict.json == (try Fixtures.json("ssa-apply-conflict-409.json")))
        #expect(await sim.get(Self.uri)[path: ["data", "level"]] == "debug")
        let forced = await Self.apply(sim, "bob", "info", force: true)
        let fixture = try Fixtures.json("ssa-apply-force.json")
        #expect(forced.status == 200)
        #expect(forced.json["data"] == fixture["data"])
        let managers = forced.json[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        #expect(managers.map { $0["manager"] } == [fixture[path: ["metadata", "managedFields"]]?[0]?["manager"]])
        #expect(managers.first?["fieldsV1"] == fixture[path: ["metadata", "managedFields"]]?[0]?["fieldsV1"])
    }

    @Test func applyingTheSameValueSharesTheFieldAndDroppingAFieldRemovesIt() async throws {
        let sim = try await Self.serving()
        _ = await Self.apply(sim, "alice", "debug")
        let shared = await Self.apply(sim, "bob", "debug")
        #expect(shared.status == 200)
        #expect(shared.json[path: ["metadata", "managedFields"]]?.arrayValue?.count == 2)
        let two =
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"data":{"level":"debug","extra":"1"}}"#
        _ = await sim.request(
            "PATCH", Self.uri + "?fieldManager=alice", body: two, contentType: "application/apply-patch+yaml")
        #expect(await sim.get(Self.uri)[path: ["data", "extra"]] == "1")
        _ = await Self.apply(sim, "alice", "debug")
        #expect(await sim.get(Self.uri)[path: ["data", "extra"]] == nil)
    }

    @Test func aFieldSetByAnUpdateConflictsNamingTheUpdaterAndItsVersion() async throws {
        let sim = try await Self.serving()
        let created = await sim.request(
            "POST", "/api/v1/namespaces/ssa-demo/configmaps?fieldManager=kubectl-create", body: Self.body("debug"))
        #expect(created.json[path: ["metadata", "managedFields"]]?[0]?["operation"] == "Update")
        let conflict = await Self.apply(sim, "kubectl", "info")
        #expect(conflict.status == 409)
        #expect(
            conflict.json["message"]
                == "Apply failed with 1 conflict: conflict with \"kubectl-create\" using v1: .data.level")
    }

    @Test func applyNeedsAFieldManagerAndAKnownSchema() async throws {
        let sim = try await Self.serving()
        let anonymous = await sim.request(
            "PATCH", Self.uri, body: Self.body("x"), contentType: "application/apply-patch+yaml")
        #expect(anonymous.status == 422)
        let unknown = await sim.request(
            "PATCH", Self.uri + "?fieldManager=alice",
            body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"dta":{}}"#,
            contentType: "application/apply-patch+yaml")
        #expect(unknown.status == 400)
        #expect(unknown.json["message"] == ".dta: field not declared in schema")
    }
}
