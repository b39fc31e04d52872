import Foundation
import GRDB

/// Writes entries inside one transaction: redaction, aggregation of continued occurrences, milestone order,
/// edit and curation targets, revisions. `validate` refuses an append before any of it is written, so a refused
/// append fails alone and the others of the transaction commit.
struct EntryWriter {
    let db: Database
    let wallTime: Date
    private var nextRevision: Int64
    private let encoder: JSONEncoder
    /// Incident ids resolved to their row numbers.
    private var incidents: [UUID: Int64] = [:]
    /// Occurrence keys that already name an aggregated entry, by incident row (looked up once per transaction).
    private var aggregatedKeys: [Int64: Set<String>] = [:]

    init(db: Database, wallTime: Date) throws {
        self.db = db
        self.wallTime = wallTime
        nextRevision = (try Int64.fetchOne(db, sql: "SELECT MAX(revision) FROM entry") ?? 0) + 1
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Looks up, for every incident of the transaction at once, which occurrence keys already have an entry.
    mutating func prefetch(_ appends: [(incident: UUID, drafts: [EntryDraft])]) throws {
        for (incident, drafts) in Dictionary(grouping: appends, by: \.incident) {
            guard let seq = try? incidentSequence(incident) else { continue }
            let keys = drafts.flatMap { $0.drafts.compactMap(\.occurrence?.key) }
            aggregatedKeys[seq, default: []].formUnion(try existingKeys(keys, incidentSeq: seq))
        }
    }

    /// Throws when the append names no incident, moves a milestone across another, or edits or curates an entry
    /// it may not; writes nothing.
    mutating func validate(_ drafts: [EntryDraft], to incident: UUID) throws {
        let incidentSeq = try incidentSequence(incident)
        var milestones: [Milestone: Date]?
        for draft in drafts {
            if case .milestone(let record) = draft.body {
                var current = try milestones ?? currentMilestones(incidentSeq)
                try MilestoneOrder.check(record.milestone, at: record.at, against: current)
                current[record.milestone] = record.at
                milestones = current
            }
            if let target = draft.target { try checkTarget(target, of: draft, incidentSeq: incidentSeq) }
        }
    }

    /// Writes a validated append.
    mutating func append(_ drafts: [EntryDraft], to incident: UUID) throws -> [JournalEntry] {
        let incidentSeq = try incidentSequence(incident)
        var result: [JournalEntry] = []
        result.reserveCapacity(drafts.count)
        for original in drafts {
            let (draft, redactions) = Redactor.redact(original)
            if draft.target == nil, let occurrence = draft.occurrence,
                aggregatedKeys[incidentSeq]?.contains(occurrence.key) == true,
                let grown = try grow(
                    occurrence, of: draft, redactions: redactions, incident: incident, incidentSeq: incidentSeq)
            {
                result.append(grown)
                continue
            }
            result.append(
                try insert(draft, redactions: redactions, incident: incident, incidentSeq: incidentSeq))
            if let key = draft.occurrence?.key { aggregatedKeys[incidentSeq, default: []].insert(key) }
        }
        return result
    }

    private mutating func incidentSequence(_ incident: UUID) throws -> Int64 {
        if let seq = incidents[incident] { return seq }
        let seq = try SQLiteJournal.incidentSequence(incident, db)
        incidents[incident] = seq
        return seq
    }

    /// Which of `keys` already name an aggregated entry of the incident (so that new keys skip the lookup).
    private func existingKeys(_ keys: [String], incidentSeq: Int64) throws -> Set<String> {
        var found: Set<String> = []
        var start = 0
        let unique = Array(Set(keys))
        while start < unique.count {
            let chunk = unique[start..<min(start + 500, unique.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try String.fetchAll(
                db,
                sql:
                    "SELECT DISTINCT aggregation_key FROM entry WHERE incident_seq = ? AND aggregation_key IN (\(marks))",
                arguments: StatementArguments([incidentSeq] + chunk.map { $0 as any DatabaseValueConvertible }))
            found.formUnion(rows)
            start += chunk.count
        }
        return found
    }

    private mutating func takeRevision() -> Int64 {
        defer { nextRevision += 1 }
        return nextRevision
    }

    /// Grows the latest entry with the same occurrence key when `occurrence` continues it (its summary and evidence
    /// become the latest sighting's); nil when it starts anew.
    private mutating func grow(
        _ occurrence: Occurrence, of draft: EntryDraft, redactions: [String], incident: UUID, incidentSeq: Int64
    ) throws -> JournalEntry? {
        let latest = try db.cachedStatement(
            sql: """
                SELECT * FROM entry WHERE incident_seq = ? AND aggregation_key = ? ORDER BY seq DESC LIMIT 1
                """)
        guard let row = try Row.fetchOne(latest, arguments: [incidentSeq, occurrence.key]) else { return nil }
        var entry = try EntryRow.entry(from: row, incident: incident)
        guard let stored = entry.occurrence, stored.isContinued(by: occurrence) else { return nil }
        let merged = stored.merged(with: occurrence)
        guard merged != stored || draft.summary != entry.summary || draft.evidence != entry.evidence else {
            return entry
        }
        entry.revision = takeRevision()
        entry.summary = draft.summary
        entry.evidence = draft.evidence
        entry.redactions = Array(Set(entry.redactions).union(redactions)).sorted()
        try db.cachedStatement(
            sql: """
                UPDATE entry SET revision = ?, occurrence_count = ?, first_seen = ?, last_seen = ?, is_active = ?,
                    summary = ?, evidence = ?, redactions = ?
                WHERE seq = ?
                """
        ).execute(arguments: [
            entry.revision, merged.count, merged.firstSeen.timeIntervalSince1970, merged.lastSeen.timeIntervalSince1970,
            merged.isActive, entry.summary, JSONText.evidence(entry.evidence), JSONText.strings(entry.redactions),
            entry.sequence,
        ])
        try recordSighting(entrySeq: entry.sequence, revision: entry.revision, merged, clusterTime: draft.clusterTime)
        switch entry.body {
        case .observation(var record):
            record.occurrence = merged
            entry.body = .observation(record)
        case .warningEvent(var record):
            record.occurrence = merged
            entry.body = .warningEvent(record)
        default: break
        }
        return entry
    }

    private mutating func insert(
        _ draft: EntryDraft, redactions: [String], incident: UUID, incidentSeq: Int64
    ) throws -> JournalEntry {
        let id = UUID()
        let revision = takeRevision()
        let occurrence = draft.occurrence
        let evidenceJSON = JSONText.evidence(draft.evidence)
        let redactionsJSON = JSONText.strings(redactions)
        try db.cachedStatement(
            sql: """
                INSERT INTO entry (id, incident_seq, revision, kind, context, cluster_time, wall_time, source,
                    subject_kind, subject_namespace, subject_name, subject_container, summary, evidence, body, target,
                    aggregation_key, occurrence_count, first_seen, last_seen, is_active, redactions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, incidentSeq, revision, draft.body.kind.rawValue, draft.context, draft.clusterTime.timeIntervalSince1970,
            wallTime.timeIntervalSince1970, draft.source, draft.subject?.kind, draft.subject?.namespace,
            draft.subject?.name, draft.subject?.container, draft.summary, evidenceJSON,
            try EntryRow.bodyJSON(draft.body, encoder: encoder), draft.target, occurrence?.key, occurrence?.count,
            occurrence?.firstSeen.timeIntervalSince1970, occurrence?.lastSeen.timeIntervalSince1970,
            occurrence?.isActive, redactionsJSON,
        ])
        let sequence = db.lastInsertedRowID
        return JournalEntry(
            id: id, sequence: sequence, revision: revision, incident: incident, context: draft.context,
            stamp: Stamp(cluster: draft.clusterTime, wall: wallTime), source: draft.source, subject: draft.subject,
            summary: draft.summary, evidence: draft.evidence, body: draft.body, target: draft.target,
            redactions: redactions)
    }

    private func recordSighting(entrySeq: Int64, revision: Int64, _ occurrence: Occurrence, clusterTime: Date) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sighting (entry_seq, revision, occurrence_count, last_seen, is_active, cluster_time,
                    wall_time) VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entrySeq, revision, occurrence.count, occurrence.lastSeen.timeIntervalSince1970, occurrence.isActive,
            clusterTime.timeIntervalSince1970, wallTime.timeIntervalSince1970,
        ])
    }

    /// The latest value of each milestone in the incident.
    private func currentMilestones(_ incidentSeq: Int64) throws -> [Milestone: Date] {
        var result: [Milestone: Date] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT body FROM entry WHERE incident_seq = ? AND kind = ? ORDER BY seq",
            arguments: [incidentSeq, EntryKind.milestone.rawValue])
        for row in rows {
            let record = try JSONDecoder().decode(MilestoneRecord.self, from: Data((row["body"] as String).utf8))
            result[record.milestone] = record.at
        }
        return result
    }

    /// An edit targets an entry of the same kind in the same incident; a curation any entry of the incident.
    private func checkTarget(_ target: UUID, of draft: EntryDraft, incidentSeq: Int64) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT kind FROM entry WHERE id = ? AND incident_seq = ?", arguments: [target, incidentSeq])
        else { throw TimelineError.noSuchEntry(target) }
        let kind = EntryKind(rawValue: row["kind"]) ?? .note
        if draft.body.kind != .curation, kind != draft.body.kind {
            throw TimelineError.editChangesKind(from: kind, to: draft.body.kind)
        }
    }
}
