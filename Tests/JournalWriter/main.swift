import ClusterModel
import Foundation
import Timeline

// A child process for the Timeline tests.
//   journal-writer burst STATE_DIR   appends entries from 8 concurrent writers until killed, printing
//                                     `ack <uuid>` for each entry once its append has returned (committed)
//   journal-writer fixture PATH      writes a journal with one entry of every kind (the committed v1 fixture)

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: journal-writer burst STATE_DIR | fixture PATH\n".utf8))
    exit(2)
}

/// Writes one line to stdout at once (no buffering: the parent reads acknowledgements up to the kill).
func acknowledge(_ entries: [JournalEntry]) {
    let text = entries.map { "ack \($0.id.uuidString)\n" }.joined()
    FileHandle.standardOutput.write(Data(text.utf8))
}

func burst(stateDirectory: String) async throws {
    let journal = try SQLiteJournal(directory: StateDirectory(path: stateDirectory))
    let incident = try await journal.openIncident(title: "burst", context: "test", at: Date())
    await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<8 {
            group.addTask {
                var round = 0
                while true {
                    round += 1
                    let now = Date()
                    let drafts: [EntryDraft]
                    switch writer % 4 {
                    case 0:
                        drafts = [.note("writer \(writer) note \(round)", context: "test", at: now)]
                    case 1:
                        drafts = (0..<50).map { index in
                            .observation(
                                Observation(
                                    id: "oomKilled/ns/pod-\(writer)-\(round)-\(index)/app", kind: .oomKilled,
                                    severity: .critical,
                                    subject: ObservationSubject(
                                        kind: "Pod", namespace: "ns", name: "pod-\(writer)-\(round)-\(index)",
                                        container: "app"), firstSeen: now, lastSeen: now,
                                    summary: "OOMKilled at limit 170Mi"), context: "test", at: now)
                        }
                    case 2:
                        drafts = [
                            EntryDraft(
                                context: "test", clusterTime: now, source: "runbook:test", summary: "scale web",
                                body: .actionIntent(ActionIntentRecord(runbook: "scale", step: "patch")))
                        ]
                    default:
                        drafts = [
                            .actionItem(ActionItem(text: "item \(writer)-\(round)"), context: "test", at: now)
                        ]
                    }
                    acknowledge(try await journal.append(drafts, to: incident.id))
                }
            }
        }
    }
}

func fixture(path: String) async throws {
    let journal = try SQLiteJournal(path: path)
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
    let incident = try await journal.openIncident(title: "DNS lookups failing", context: "kind-demo", at: at(0))
    let context = incident.context
    let pod = ObservationSubject(kind: "Pod", namespace: "kube-system", name: "coredns-6d4b-x2x", container: "coredns")
    let deployment = ObservationSubject(kind: "Deployment", namespace: "kube-system", name: "coredns")
    _ = try await journal.append(
        EntryDraft(
            context: context, clusterTime: at(1), source: "store", subject: deployment,
            summary: "changed resources of container coredns in Deployment kube-system/coredns",
            evidence: ["before": "limits memory 256Mi", "after": "limits memory 170Mi"],
            body: .changeSeen(
                ChangeRecord(change: .limitChange, before: "limits memory 256Mi", after: "limits memory 170Mi"))),
        to: incident.id)
    for count in 1...3 {
        _ = try await journal.append(
            .observation(
                Observation(
                    id: "oomKilled/kube-system/coredns-6d4b-x2x/coredns", kind: .oomKilled, severity: .critical,
                    subject: pod, firstSeen: at(3), lastSeen: at(3 + Double(count - 1) * 4), count: count,
                    evidence: ["memoryLimit": "170Mi", "exitCode": "137"],
                    summary: "OOMKilled \(count)× at limit 170Mi"), context: context, at: at(3 + Double(count - 1) * 4),
                evidence: ["workload": "Deployment/kube-system/coredns"]), to: incident.id)
    }
    _ = try await journal.append(
        EntryDraft(
            context: context, clusterTime: at(4), source: "events", subject: pod, summary: "BackOff: back-off 10s",
            evidence: ["reason": "BackOff", "env": .object(["API_TOKEN": "s3cr3t-value"])],
            body: .warningEvent(
                WarningEventRecord(
                    reason: "BackOff",
                    occurrence: Occurrence(
                        key: "event:kube-system/coredns.1", count: 2,
                        firstSeen: at(4), lastSeen: at(5))))), to: incident.id)
    let note = try await journal.append(
        .note("restarted by hand; Authorization: Bearer abc.def.ghi", context: context, at: at(6)), to: incident.id)
    _ = try await journal.append(
        .edit(of: note, summary: "restarted coredns by hand; Authorization: Bearer abc.def.ghi"), to: incident.id)
    _ = try await journal.append(.curation(.pin, of: note.id, context: context, at: at(6)), to: incident.id)
    _ = try await journal.append(
        [
            .milestone(.impactStarted, at: at(1), context: context),
            .milestone(.detected, at: at(3), context: context),
            .milestone(.acknowledged, at: at(6), context: context),
        ], to: incident.id)
    let intent = try await journal.append(
        EntryDraft(
            context: context, clusterTime: at(8), source: "runbook:raise-memory-limit", subject: deployment,
            summary: "raise memory limit of coredns to 256Mi", evidence: ["memoryLimit": "256Mi"],
            body: .actionIntent(ActionIntentRecord(runbook: "raise-memory-limit", step: "patch"))), to: incident.id)
    _ = try await journal.append(
        EntryDraft(
            context: context, clusterTime: at(9), source: "runbook:raise-memory-limit", subject: deployment,
            summary: "patched", body: .actionResult(ActionResultRecord(intent: intent.id, outcome: "succeeded"))),
        to: incident.id)
    _ = try await journal.append(
        [
            .milestone(.mitigated, at: at(12), context: context),
            .actionItem(
                ActionItem(
                    type: "detect", text: "alert on coredns memory above 80% of its limit",
                    ownerRole: "platform on-call", due: at(60 * 24 * 14), priority: "P1"), context: context, at: at(13)),
        ], to: incident.id)
    _ = try await journal.closeIncident(incident.id, at: at(20))
}

do {
    switch arguments[1] {
    case "burst": try await burst(stateDirectory: arguments[2])
    case "fixture": try await fixture(path: arguments[2])
    default:
        FileHandle.standardError.write(Data("unknown mode \(arguments[1])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
