import ClusterModel
import Foundation
import Timeline

/// Records runbook actions in the incident journal: an `actionIntent` entry before every request (committed with a
/// full sync before `record` returns) and an `actionResult` entry naming it after; the verification and the end
/// are results of the action's last intent. Each entry's evidence is the `ActionRecord` itself, so the journal is
/// the one record `runbook rollback` reads, after a restart too.
///
/// New actions go to `incident`, else the journal's current incident, else an incident the recorder opens (named
/// after the first action). An action already in the journal (a later rollback) keeps to its own incident.
public actor JournalActionRecorder: ActionRecorder {
    public nonisolated let journal: any Journal
    public nonisolated let context: String
    private var incident: UUID?
    /// The incident the recorder opened because none was current.
    public private(set) var openedIncident: Incident?
    private var incidentOfAction: [String: UUID] = [:]
    private var lastIntent: [String: UUID] = [:]
    /// Each action's verification outcome, repeated on its end.
    private var verification: [String: String] = [:]

    public init(journal: any Journal, context: String, incident: UUID? = nil) {
        self.journal = journal
        self.context = context
        self.incident = incident
    }

    public func record(_ record: ActionRecord) async throws {
        let incident = try await incident(for: record)
        let body: EntryBody
        switch record.kind {
        case .intent:
            body = .actionIntent(ActionIntentRecord(runbook: record.runbook, step: record.step ?? ""))
        case .result, .verified, .finished:
            guard let intent = lastIntent[record.actionID] else { throw RunbooksError.noActionRecord(record.actionID) }
            body = .actionResult(ActionResultRecord(intent: intent, outcome: Self.outcome(record)))
        }
        if record.kind == .verified { verification[record.actionID] = record.message }
        var evidence = try Self.evidence(record)
        if record.kind == .verified || record.kind == .finished, let outcome = verification[record.actionID] {
            evidence["verification"] = .string(outcome)
        }
        let draft = EntryDraft(
            context: context, clusterTime: record.time, source: "runbook:\(record.runbook)",
            subject: Self.subject(record.target), summary: Self.summary(record), evidence: evidence, body: body)
        let entry = try await journal.append(draft, to: incident)
        if record.kind == .intent { lastIntent[record.actionID] = entry.id }
    }

    public func records(of actionID: String) async throws -> [ActionRecord] {
        for incident in try await journal.incidents().reversed() {
            let found = Self.actionEntries(try await journal.entries(of: incident.id)).filter {
                $0.record.actionID == actionID
            }
            guard !found.isEmpty else { continue }
            incidentOfAction[actionID] = incident.id
            lastIntent[actionID] = found.last { $0.record.kind == .intent }?.entry.id
            return found.map(\.record).sorted { $0.sequence < $1.sequence }
        }
        throw RunbooksError.noActionRecord(actionID)
    }

    /// Answers a request whose result was unknown, once someone looked (the console's re-check against the cluster,
    /// or the engineer): an `actionResult` naming its intent, so it is no longer reported.
    public func resolve(_ action: UnfinishedAction, outcome: String, at time: Date) async throws {
        let records = try await records(of: action.actionID)
        guard var result = records.last(where: { $0.kind == .intent && $0.step == action.step }) else {
            throw RunbooksError.noActionRecord(action.actionID)
        }
        result.sequence = (records.map(\.sequence).max() ?? 0) + 1
        result.time = time
        result.kind = .result
        (result.method, result.path, result.body, result.request, result.status) = (nil, nil, nil, nil, nil)
        (result.confirmation, result.subject, result.parameters, result.changes) = (nil, nil, nil, nil)
        (result.rollback, result.rollbackUnavailable) = (nil, nil)
        result.message = "re-checked after the result was unknown: \(outcome)"
        let found = "re-checked: \(outcome)"
        let draft = EntryDraft(
            context: context, clusterTime: time, source: "runbook:\(result.runbook)",
            subject: Self.subject(result.target), summary: "\(result.runbook): \(action.step): \(found)",
            evidence: try Self.evidence(result),
            body: .actionResult(ActionResultRecord(intent: action.entry, outcome: found)))
        _ = try await journal.append(draft, to: action.incident)
    }

    private func incident(for record: ActionRecord) async throws -> UUID {
        if let known = incidentOfAction[record.actionID] { return known }
        let chosen: UUID
        if let incident {
            chosen = incident
        } else if let current = try await journal.currentIncident() {
            chosen = current.id
        } else {
            let opened = try await journal.openIncident(
                title: "\(record.runbook) on \(record.target)", context: context, at: record.time)
            openedIncident = opened
            chosen = opened.id
        }
        incident = chosen
        incidentOfAction[record.actionID] = chosen
        return chosen
    }

    // MARK: Entries

    /// The journal's subject for an action on `target`.
    static func subject(_ target: RunbookTarget) -> ObservationSubject {
        ObservationSubject(
            kind: target.object.kind, namespace: target.namespace.isEmpty ? nil : target.namespace, name: target.name,
            container: target.container)
    }

    /// The entries among `entries` that hold an action record, with it.
    static func actionEntries(_ entries: [JournalEntry]) -> [(entry: JournalEntry, record: ActionRecord)] {
        entries.compactMap { entry in
            guard entry.kind == .actionIntent || entry.kind == .actionResult,
                let record = try? decoder.decode(ActionRecord.self, from: encoder.encode(entry.evidence))
            else { return nil }
            return (entry, record)
        }
    }

    /// The record as evidence, with the parameters also as lines under `parameters`.
    static func evidence(_ record: ActionRecord) throws -> Evidence {
        var evidence = try decoder.decode(Evidence.self, from: encoder.encode(record))
        if let parameters = record.parameters {
            evidence["parameters"] = .array(parameters.map { .string($0.description) })
        }
        return evidence
    }

    /// `raise-memory-limit: raise the template's memory limit (PATCH /apis/apps/v1/…/deployments/coredns)`.
    static func summary(_ record: ActionRecord) -> String {
        let step = record.step.map { ": \($0)" } ?? ""
        switch record.kind {
        case .intent:
            let path = record.path.map { String($0.prefix { $0 != "?" }) } ?? ""
            return "\(record.runbook)\(step) (\(record.method ?? "") \(path))"
        case .result, .verified, .finished:
            return "\(record.runbook)\(step): \(outcome(record))"
        }
    }

    /// `HTTP 200: applied`, `verification: …`, `finished: verified: …`.
    static func outcome(_ record: ActionRecord) -> String {
        let message = record.message ?? ""
        switch record.kind {
        case .intent: return message
        case .result: return (record.status.map { "HTTP \($0): " } ?? "no answer: ") + message
        case .verified: return "verification: \(message)"
        case .finished: return "finished: \(message)"
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
