import ClusterModel
import Foundation
import Runbooks
import TestSupport
import Testing
import Timeline

/// Runbook actions recorded in a real SQLite journal, read back by a fresh journal (a restarted process).
@Suite("Actions in the journal")
struct JournalActionRecorderTests {
    static let target = RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout")
    static let time = Date(timeIntervalSince1970: 1_795_256_211)

    static func intent(_ id: String, sequence: Int = 1) -> ActionRecord {
        var intent = ActionRecord(
            actionID: id, sequence: sequence, time: time, runbook: "scale", target: target, kind: .intent,
            step: "set the replicas")
        intent.method = "PATCH"
        intent.path = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak"
        intent.body = ["spec": ["replicas": 4]]
        return intent
    }

    static func result(of intent: ActionRecord, status: Int) -> ActionRecord {
        var result = intent
        result.sequence += 1
        result.kind = .result
        result.status = status
        result.message = "applied"
        result.method = nil
        result.path = nil
        result.body = nil
        return result
    }

    static func journal(_ folder: TemporaryDirectory) throws -> SQLiteJournal {
        try SQLiteJournal(directory: StateDirectory(path: folder.path))
    }

    @Test func anIntentWithoutAResultIsReportedAfterARestart() async throws {
        let folder = try TemporaryDirectory()
        let recorder = JournalActionRecorder(journal: try Self.journal(folder), context: "prod")
        let lost = Self.intent("20261121-101651-3f2a")
        try await recorder.record(lost)
        let answered = Self.intent("20261121-101700-0001")
        try await recorder.record(answered)
        try await recorder.record(Self.result(of: answered, status: 200))

        let restarted = try Self.journal(folder)
        let unfinished = try await UnfinishedAction.find(in: restarted)
        #expect(unfinished.map(\.actionID) == ["20261121-101651-3f2a"])
        #expect(
            unfinished.first?.description
                == "result unknown: action 20261121-101651-3f2a (scale on deployment shop/checkout) sent PATCH "
                + "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak at "
                + "2026-11-21T10:16:51Z and stopped before its answer was recorded")
        let incident = try #require(try await restarted.currentIncident())
        #expect(incident.title == "scale on deployment shop/checkout", "opened because none was current")
        #expect(try await restarted.unansweredIntents(in: incident.id).map(\.id) == unfinished.map(\.entry))
        let entries = try await restarted.entries(of: incident.id)
        #expect(entries.map(\.kind) == [.actionIntent, .actionIntent, .actionResult])
        guard case .actionResult(let result) = entries[2].body else { return }
        #expect(result.intent == entries[1].id && result.outcome == "HTTP 200: applied")
        #expect(entries[1].source == "runbook:scale")
        #expect(entries[1].subject == ObservationSubject(kind: "Deployment", namespace: "shop", name: "checkout"))
        #expect(
            entries[1].summary
                == "scale: set the replicas (PATCH /apis/apps/v1/namespaces/shop/deployments/checkout/scale)")
        #expect(entries[1].evidence["path"] == .string(answered.path ?? ""))

        // The console re-checks it against the cluster and records what it found: no longer unknown.
        let later = JournalActionRecorder(journal: restarted, context: "prod")
        try await later.resolve(
            try #require(unfinished.first), outcome: "spec.replicas is 4: the change was applied", at: Self.time)
        #expect(try await UnfinishedAction.find(in: restarted).isEmpty)
        let resolved = try await later.records(of: "20261121-101651-3f2a")
        #expect(resolved.map(\.kind) == [.intent, .result])
        #expect(
            resolved.last?.message
                == "re-checked after the result was unknown: spec.replicas is 4: the change was applied")
    }

    @Test func aConfirmedIntentRoundTripsForALaterRollback() async throws {
        let folder = try TemporaryDirectory()
        let journal = try Self.journal(folder)
        let incident = try await journal.openIncident(title: "checkout slow", context: "prod", at: Self.time)
        var confirmed = Self.intent("a-1")
        confirmed.confirmation = "y"
        confirmed.subject = Self.target.object
        confirmed.changes = ["spec.replicas: 2 → 4"]
        confirmed.rollback = [KubeWrite.scale(.deployments, namespace: "shop", name: "checkout", replicas: 2)]
        confirmed.parameters = [ResolvedParameter(name: "count", value: "4", type: "integer", source: .defaultValue)]
        let recorder = JournalActionRecorder(journal: journal, context: "prod")
        try await recorder.record(confirmed)
        let later = JournalActionRecorder(journal: try Self.journal(folder), context: "prod")
        #expect(try await later.records(of: "a-1") == [confirmed])
        // What a reader such as the COE finds: the parameters as lines, the diff, the answer; the verification on the
        // action's end too.
        var verified = Self.result(of: confirmed, status: 200)
        verified.kind = .verified
        verified.message = "passed: 4 of 4 replicas ready"
        try await recorder.record(verified)
        var finished = verified
        finished.kind = .finished
        finished.message = "verified: 4 of 4 replicas ready"
        try await recorder.record(finished)
        let entries = try await journal.entries(of: incident.id)
        #expect(entries.count == 3, "recorded into the current incident")
        #expect(entries[0].evidence["parameters"] == .array(["count = 4"]))
        #expect(entries[0].evidence["changes"] == .array(["spec.replicas: 2 → 4"]))
        #expect(entries[0].evidence["confirmation"] == "y")
        #expect(entries[2].evidence["verification"] == "passed: 4 of 4 replicas ready")
    }

    @Test func aLaterRollbackIsRecordedInTheActionsOwnIncident() async throws {
        let folder = try TemporaryDirectory()
        let journal = try Self.journal(folder)
        let first = try await journal.openIncident(title: "first", context: "prod", at: Self.time)
        let intent = Self.intent("a-1")
        let recorder = JournalActionRecorder(journal: journal, context: "prod")
        try await recorder.record(intent)
        try await recorder.record(Self.result(of: intent, status: 200))
        let second = try await journal.openIncident(title: "second", context: "prod", at: Self.time)
        let later = JournalActionRecorder(journal: journal, context: "prod")
        #expect(try await later.records(of: "a-1").map(\.kind) == [.intent, .result])
        var rollback = Self.intent("a-1", sequence: 3)
        rollback.isRollback = true
        try await later.record(rollback)
        try await later.record(Self.result(of: rollback, status: 200))
        #expect(try await journal.entries(of: first.id).count == 4)
        #expect(try await journal.entries(of: second.id).isEmpty)
        await #expect(throws: RunbooksError.self) { try await later.records(of: "unknown") }
    }

    @Test func aResultWithoutAnIntentIsRefused() async throws {
        let folder = try TemporaryDirectory()
        let recorder = JournalActionRecorder(journal: try Self.journal(folder), context: "prod")
        await #expect(throws: RunbooksError.self) {
            try await recorder.record(Self.result(of: Self.intent("a-2"), status: 200))
        }
    }
}
