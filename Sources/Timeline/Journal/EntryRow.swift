import ClusterModel
import Foundation
import GRDB

/// How an entry maps to an `entry` row: common fields in columns, the kind's own fields as JSON in `body` (never
/// rewritten: an aggregated entry's body keeps its first occurrence), the current occurrence in columns.
enum EntryRow {
    struct Empty: Codable {}

    static func bodyJSON(_ body: EntryBody, encoder: JSONEncoder) throws -> String {
        let data: Data
        switch body {
        case .observation(let record): return JSONText.body(record)
        case .warningEvent(let record): return JSONText.body(record)
        case .changeSeen(let record): data = try encoder.encode(record)
        case .actionIntent(let record): data = try encoder.encode(record)
        case .actionResult(let record): data = try encoder.encode(record)
        case .note: data = try encoder.encode(Empty())
        case .milestone(let record): data = try encoder.encode(record)
        case .actionItem(let record): data = try encoder.encode(record)
        case .curation(let record): data = try encoder.encode(record)
        case .coeSection(let record): data = try encoder.encode(record)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The body; `occurrence` (the columns), when given, replaces the first occurrence an aggregated body holds.
    static func body(kind: EntryKind, json: String, occurrence: Occurrence?) throws -> EntryBody {
        let decoder = JSONDecoder()
        let data = Data(json.utf8)
        switch kind {
        case .observation:
            var record = try decoder.decode(ObservationRecord.self, from: data)
            if let occurrence { record.occurrence = occurrence }
            return .observation(record)
        case .warningEvent:
            var record = try decoder.decode(WarningEventRecord.self, from: data)
            if let occurrence { record.occurrence = occurrence }
            return .warningEvent(record)
        case .changeSeen: return .changeSeen(try decoder.decode(ChangeRecord.self, from: data))
        case .actionIntent: return .actionIntent(try decoder.decode(ActionIntentRecord.self, from: data))
        case .actionResult: return .actionResult(try decoder.decode(ActionResultRecord.self, from: data))
        case .note: return .note
        case .milestone: return .milestone(try decoder.decode(MilestoneRecord.self, from: data))
        case .actionItem: return .actionItem(try decoder.decode(ActionItem.self, from: data))
        case .curation: return .curation(try decoder.decode(CurationRecord.self, from: data))
        case .coeSection: return .coeSection(try decoder.decode(COESectionRecord.self, from: data))
        }
    }

    static func entry(from row: Row, incident: UUID) throws -> JournalEntry {
        let kindName: String = row["kind"]
        guard let kind = EntryKind(rawValue: kindName) else {
            throw TimelineError.storage("unknown entry kind '\(kindName)' (written by a newer Firebreak?)")
        }
        let occurrence: Occurrence? = (row["aggregation_key"] as String?).map { key in
            Occurrence(
                key: key, count: row["occurrence_count"], firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                lastSeen: Date(timeIntervalSince1970: row["last_seen"]), isActive: row["is_active"])
        }
        let subject: ObservationSubject? = (row["subject_kind"] as String?).map { subjectKind in
            ObservationSubject(
                kind: subjectKind, namespace: row["subject_namespace"], name: row["subject_name"] ?? "",
                container: row["subject_container"])
        }
        let decoder = JSONDecoder()
        let evidence = try decoder.decode(Evidence.self, from: Data((row["evidence"] as String).utf8))
        let redactions = try decoder.decode([String].self, from: Data((row["redactions"] as String).utf8))
        return JournalEntry(
            id: row["id"], sequence: row["seq"], revision: row["revision"], incident: incident,
            context: row["context"],
            stamp: Stamp(
                cluster: Date(timeIntervalSince1970: row["cluster_time"]),
                wall: Date(timeIntervalSince1970: row["wall_time"])),
            source: row["source"], subject: subject, summary: row["summary"], evidence: evidence,
            body: try body(kind: kind, json: row["body"], occurrence: occurrence), target: row["target"],
            redactions: redactions)
    }
}
