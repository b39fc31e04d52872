import COE
import ClusterModel
import Foundation
import Testing
import Timeline

@Suite("COE actions, action items and suggestions")
struct ActionSectionTests {
    /// The runbook engine's intents and results, with whatever evidence they carry; missing fields show as `—`.
    @Test func theActionTableReadsIntentsAndResultsAndToleratesMissingFields() {
        var journal = JournalBuilder()
        let intent = journal.add(
            EntryDraft(
                context: "kind-demo", clusterTime: JournalBuilder.at(10), source: "runbook:raise-memory-limit",
                summary: "PATCH deployments/coredns",
                evidence: [
                    "parameters": .object(["memory": "256Mi", "container": "coredns"]),
                    "changes": .array(["spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 256Mi"]
                    ),
                    "confirmation": "typed coredns",
                ],
                body: .actionIntent(ActionIntentRecord(runbook: "raise-memory-limit", step: "patch-limit"))))
        journal.add(
            EntryDraft(
                context: "kind-demo", clusterTime: JournalBuilder.at(11), source: "runbook:raise-memory-limit",
                summary: "rollout complete",
                evidence: ["status": .number(200), "verification": "pods Ready, no OOM for 5m"],
                body: .actionResult(ActionResultRecord(intent: intent.id, outcome: "succeeded"))))
        journal.add(
            EntryDraft(
                context: "kind-demo", clusterTime: JournalBuilder.at(20), source: "runbook:cordon",
                summary: "cordon node-2",
                body: .actionIntent(ActionIntentRecord(runbook: "cordon", step: "cordon"))))
        let document = COEBuilder.build(journal.input())
        let rows = document.mitigation.actions
        #expect(rows.count == 2)
        #expect(rows.first?.parameters == "container=coredns, memory=256Mi")
        #expect(
            rows.first?.dryRunDiff == "spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 256Mi")
        #expect(rows.first?.confirmation == "typed coredns")
        #expect(rows.first?.result == "succeeded, HTTP 200, rollout complete")
        #expect(rows.first?.verification == "pods Ready, no OOM for 5m")
        #expect(rows.last?.parameters == "—" && rows.last?.result == "result unknown (no result in the journal)")
        #expect(document.diagnosis.runbooks == ["cordon", "raise-memory-limit"])
        // The mitigation done is an action item recorded as done; the other has no result, so it is not.
        let done = document.actionItems.filter { $0.status == "done" }
        #expect(done.map(\.text) == ["raise-memory-limit patch-limit: PATCH deployments/coredns"])
        #expect(done.first?.source == "journal #1, #2")
    }

    @Test func theEngineersActionItemsAreListedAndIncompleteOnesFlagged() {
        var journal = JournalBuilder()
        journal.add(
            .actionItem(
                ActionItem(
                    type: "detect", text: "Alert on working set", ownerRole: "platform on-call",
                    due: JournalBuilder.at(10_000), priority: "P1"),
                context: "kind-demo", at: JournalBuilder.at(40)))
        journal.add(.actionItem(ActionItem(text: "Review limits"), context: "kind-demo", at: JournalBuilder.at(41)))
        let document = COEBuilder.build(journal.input())
        #expect(document.actionItems.map(\.status) == ["open", "open"])
        #expect(document.actionItems.first?.ownerRole == "platform on-call")
        #expect(document.checklist.contains { !$0.isOK && $0.text.hasPrefix("1 open action item(s) lack") })
    }

    /// Suggestions from the data: a request far below the limit, no PodDisruptionBudget, no signal before the first
    /// OOM kill.
    @Test func suggestionsComeFromTheRecordedEvidence() {
        var journal = JournalBuilder()
        journal.oom(
            pod: "coredns-a", count: 3, first: 5, last: 10,
            evidence: [
                "memoryRequestBytes": .number(70 * 1_048_576), "memoryLimitBytes": .number(170 * 1_048_576),
                "disruptionBudget": "none",
            ])
        let suggested = COEBuilder.build(journal.input()).actionItems.filter { $0.status == "suggested" }
        #expect(suggested.map(\.type) == ["prevent", "prevent", "detect"])
        #expect(suggested[0].text.contains("request 70Mi is far below the limit 170Mi"))
        #expect(
            suggested[1].text == "Add a PodDisruptionBudget for Deployment kube-system/coredns: none covered its pods")
        #expect(suggested[2].text.hasPrefix("Alert on memory working set near the limit: no signal fired before"))
    }

    @Test func aWarningBeforeTheFirstOOMKillMeansNoAlertSuggestionAndACoveredPodNoPDBOne() {
        var journal = JournalBuilder()
        journal.oom(pod: "coredns-a", count: 1, first: 2, last: 2, kind: .memoryNearLimit, severity: .warning)
        journal.oom(
            pod: "coredns-a", count: 3, first: 5, last: 10,
            evidence: [
                "memoryRequestBytes": .number(150 * 1_048_576), "memoryLimitBytes": .number(170 * 1_048_576),
                "disruptionBudget": "coredns-pdb",
            ])
        #expect(COEBuilder.build(journal.input()).actionItems.isEmpty)
    }
}
