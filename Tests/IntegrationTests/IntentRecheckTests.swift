import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import TestSupport
import Testing
import Timeline

/// A process that stops part way through an action: its intent is committed, then it dies before sending the request
/// or after the server applied it (the answer never reaches the journal). Re-checks over HTTPS against the simulator
/// tell the two apart and record what they found.
@Suite("Re-checking results that were never recorded", .serialized)
struct IntentRecheckTests {
    /// Records like `JournalActionRecorder` until the process "dies" at `moment`.
    struct StoppingRecorder: ActionRecorder {
        enum Moment { case beforeSending, afterApplied }
        struct Died: Error {}
        let journal: JournalActionRecorder
        let moment: Moment

        func record(_ entry: ActionRecord) async throws {
            if moment == .afterApplied, entry.kind == .result, (entry.status ?? 0) / 100 == 2 { throw Died() }
            try await journal.record(entry)
            if moment == .beforeSending, entry.kind == .intent { throw Died() }
        }

        func records(of actionID: String) async throws -> [ActionRecord] {
            try await journal.records(of: actionID)
        }
    }

    /// Runs `runbook` on `target` with a process that dies at `moment`; the journal is in `folder`.
    static func runAndDie(
        _ live: LiveCluster, _ runbook: String, target: RunbookTarget, at moment: StoppingRecorder.Moment,
        typed: String? = nil, folder: String
    ) async throws -> UnfinishedAction {
        let clock = live.clock
        let driver = RunbookDriver(
            client: await live.connection.client, store: await live.connection.store, clock: { clock.now },
            recorder: StoppingRecorder(journal: try LiveCluster.recorder(in: folder), moment: moment),
            conversation: ScriptedEngineer(answers: [.accepted(typed: typed)]), context: "firebreak-sim",
            options: .init(skipsVerification: true))
        let run = await driver.run(try LiveCluster.runbook(runbook), target: target)
        #expect(run.result.status == .failed && run.result.message.hasPrefix("cannot record"), "\(run.result)")
        let journal = try SQLiteJournal(directory: StateDirectory(path: folder))
        let unfinished = try await UnfinishedAction.find(in: journal)
        #expect(unfinished.count == 1)
        return try #require(unfinished.first)
    }

    /// Re-checks every unfinished action of the journal in `folder` (a fresh process) and returns the verdicts.
    static func recheck(_ live: LiveCluster, folder: String) async throws -> [RecheckVerdict] {
        let journal = try SQLiteJournal(directory: StateDirectory(path: folder))
        let clock = live.clock
        return await IntentRechecker(client: await live.connection.client).recheck(
            try await UnfinishedAction.find(in: journal), recorder: try LiveCluster.recorder(in: folder),
            clock: { _ in clock.now }
        ).map(\.verdict)
    }

    static func memoryLimit(_ live: LiveCluster) throws -> String {
        try live.kubectl([
            "-n", "kube-system", "get", "deployment", "coredns", "-o",
            "jsonpath={.spec.template.spec.containers[0].resources.limits.memory}",
        ])
    }

    @Test func aPatchThatNeverLeftIsNotInEffectAndOneTheServerAppliedIs() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            try await live.advance(seconds: 30)
            let pod = try #require(await live.pod(app: "kube-dns", namespace: "kube-system"))
            let target = RunbookTarget(kind: .pod, namespace: "kube-system", name: pod.name)

            let lost = try TemporaryDirectory()
            let never = try await Self.runAndDie(
                live, "raise-memory-limit", target: target, at: .beforeSending, folder: lost.path)
            #expect(never.write?.method == .patch)
            #expect(try Self.memoryLimit(live) == "170Mi")
            #expect(
                try await Self.recheck(live, folder: lost.path) == [
                    .notInEffect(
                        "sending it now would still change "
                            + "spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 255Mi")
                ])
            #expect(try Self.memoryLimit(live) == "170Mi", "a re-check changes nothing")
            let journal = try SQLiteJournal(directory: StateDirectory(path: lost.path))
            #expect(try await UnfinishedAction.find(in: journal).isEmpty)
            let answer = try #require(try await journal.entries(of: never.incident).last)
            #expect(answer.kind == .actionResult)
            #expect(
                answer.summary.contains(": re-checked: not in effect: sending it now"),
                "\(answer.summary)")

            let applied = try TemporaryDirectory()
            _ = try await Self.runAndDie(
                live, "raise-memory-limit", target: target, at: .afterApplied, folder: applied.path)
            #expect(try Self.memoryLimit(live) == "255Mi")
            #expect(
                try await Self.recheck(live, folder: applied.path) == [
                    .inEffect("deployments kube-system/coredns already holds the change")
                ])
            let appliedJournal = try SQLiteJournal(directory: StateDirectory(path: applied.path))
            #expect(try await UnfinishedAction.find(in: appliedJournal).isEmpty)
        }
    }

    @Test func aDeleteIsJudgedByWhetherThePodIsStillThere() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let pod = try #require(await live.pod(app: "frontend", namespace: "shop"))
            let target = RunbookTarget(kind: .pod, namespace: "shop", name: pod.name)
            let lost = try TemporaryDirectory()
            _ = try await Self.runAndDie(
                live, "delete-pod", target: target, at: .beforeSending, typed: pod.name, folder: lost.path)
            #expect(
                try await Self.recheck(live, folder: lost.path) == [
                    .notInEffect("pods shop/\(pod.name) is still there")
                ])

            let applied = try TemporaryDirectory()
            _ = try await Self.runAndDie(
                live, "delete-pod", target: target, at: .afterApplied, typed: pod.name, folder: applied.path)
            let verdicts = try await Self.recheck(live, folder: applied.path)
            let verdict = try #require(verdicts.first)
            #expect(verdicts.count == 1)
            #expect(
                verdict == .inEffect("pods shop/\(pod.name) is gone")
                    || verdict.description.hasPrefix("in effect: pods shop/\(pod.name) is being deleted"),
                "\(verdict)")
        }
    }

    @Test func aRecordWithoutItsRequestStaysUnknown() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let folder = try TemporaryDirectory()
            var intent = ActionRecord(
                actionID: "20261121-101651-3f2a", sequence: 1, time: live.clock.now, runbook: "scale",
                target: RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout"), kind: .intent,
                step: "set the replicas")
            intent.method = "PATCH"
            intent.path = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak"
            try await LiveCluster.recorder(in: folder.path).record(intent)
            #expect(
                try await Self.recheck(live, folder: folder.path) == [
                    .undetermined(
                        "the journal holds only its path (recorded before re-checks), so check the object")
                ])
            let journal = try SQLiteJournal(directory: StateDirectory(path: folder.path))
            #expect(try await UnfinishedAction.find(in: journal).count == 1)
        }
    }
}
