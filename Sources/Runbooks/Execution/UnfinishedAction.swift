import ClusterModel
import Foundation
import Timeline

/// A runbook request whose intent the journal holds but whose result it does not: the process stopped after
/// committing the intent, so whether the cluster changed is unknown until someone looks.
public struct UnfinishedAction: Sendable, Hashable, CustomStringConvertible {
    public var actionID: String
    public var runbook: String
    public var target: RunbookTarget
    public var step: String
    /// `PATCH /apis/apps/v1/namespaces/…` (query included).
    public var request: String
    /// The request itself (body redacted); nil in records written before re-checks existed.
    public var write: KubeWrite?
    /// The intent's cluster time.
    public var time: Date
    public var incident: UUID
    /// The intent's journal entry.
    public var entry: UUID

    /// Requests without a recorded result in `incident` (every incident when nil), oldest first: what the console
    /// shows as "result unknown" on start and offers to re-check against the cluster (`IntentRechecker`).
    public static func find(in journal: any Journal, incident: UUID? = nil) async throws -> [UnfinishedAction] {
        let intents = try await journal.unansweredIntents(in: incident)
        return JournalActionRecorder.actionEntries(intents).map { entry, record in
            UnfinishedAction(
                actionID: record.actionID, runbook: record.runbook, target: record.target, step: record.step ?? "",
                request: "\(record.method ?? "") \(record.path ?? "")", write: record.request,
                time: entry.stamp.cluster,
                incident: entry.incident, entry: entry.id)
        }
    }

    /// `result unknown: action 20261121-101651-3f2a (scale on deployment shop/checkout) sent PATCH … at …`.
    public var description: String {
        "result unknown: action \(actionID) (\(runbook) on \(target)) sent \(request) at \(KubeTime.format(time)) "
            + "and stopped before its answer was recorded"
    }
}
