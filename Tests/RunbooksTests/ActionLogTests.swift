import ClusterModel
import Foundation
import Runbooks
import TestSupport
import Testing

@Suite("Action records")
struct ActionLogTests {
    static let target = RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout")

    @Test func anIntentWithoutAResultIsReportedAfterARestart() async throws {
        let folder = try TemporaryDirectory()
        let log = ActionLog(directory: folder.path + "/actions")
        var intent = ActionRecord(
            actionID: "20261121-101651-3f2a", sequence: 1, time: Date(), runbook: "scale", target: Self.target,
            kind: .intent, step: "set the replicas")
        intent.method = "PATCH"
        intent.path = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak"
        try await log.record(intent)
        var done = intent
        done.actionID = "20261121-101700-0001"
        try await log.record(done)
        var result = done
        result.sequence = 2
        result.kind = .result
        result.status = 200
        try await log.record(result)
        let restarted = ActionLog(directory: folder.path + "/actions")
        #expect(try await restarted.unfinishedActions() == ["20261121-101651-3f2a"])
        #expect(try await restarted.records(of: "20261121-101700-0001").map(\.kind) == [.intent, .result])
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path + "/actions")[.posixPermissions]
        #expect(folderMode as? Int == 0o700)
        let fileMode = try FileManager.default.attributesOfItem(
            atPath: folder.path + "/actions/20261121-101651-3f2a.jsonl")[.posixPermissions]
        #expect(fileMode as? Int == 0o600)
    }

    @Test func aRecordedWriteRoundTripsForALaterRollback() async throws {
        let folder = try TemporaryDirectory()
        let log = ActionLog(directory: folder.path)
        var confirmed = ActionRecord(
            actionID: "a-1", sequence: 1, time: Date(timeIntervalSince1970: 1_800_000_000), runbook: "scale",
            target: Self.target, kind: .confirmed)
        confirmed.rollback = [KubeWrite.scale(.deployments, namespace: "shop", name: "checkout", replicas: 2)]
        try await log.record(confirmed)
        #expect(try await log.records(of: "a-1") == [confirmed])
    }

    @Test func theServersConflictAndResizeRefusalsAreClassified() throws {
        let conflict = KubeAPIError.from(
            httpStatus: 409, body: try Fixtures.data("deployment-patch-stale-resourceversion-409.json"),
            retryAfterHeader: nil)
        #expect(conflict.isConflict)
        #expect(WriteFailure(.api(conflict, path: "/x")) == .conflict(conflict.description))
        let resize = KubeAPIError.from(
            httpStatus: 422, body: try Fixtures.data("pod-resize-patch-422-node-without-resize-support.json"),
            retryAfterHeader: nil)
        guard case .rejected(422, let message) = WriteFailure(.api(resize, path: "/x")) else {
            Issue.record("a 422 is a refusal")
            return
        }
        #expect(message.contains("Pod running on node without support for resize"))
        let budget = KubeAPIError.from(
            httpStatus: 429, body: try Fixtures.data("pod-eviction-dryrun-blocked-by-pdb-429.json"),
            retryAfterHeader: "10")
        #expect(budget.disruptionBudgetMessage != nil)
        #expect(WriteFailure(.api(budget, path: "/x")).status == 429)
    }
}
