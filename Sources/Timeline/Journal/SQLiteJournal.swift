import Foundation
import GRDB

/// The journal in one SQLite file (WAL): ordinary entries commit with `synchronous=NORMAL` (durable when the process
/// dies), action intents with `FULL` (durable when the machine does). One writer, off the caller's thread: appends
/// that arrive while a commit is under way are committed together in the next transaction.
public actor SQLiteJournal: Journal {
    public nonisolated let path: String
    nonisolated let pool: DatabasePool
    private var pending: [PendingAppend] = []
    private var isDraining = false

    struct PendingAppend: Sendable {
        let incident: UUID
        let drafts: [EntryDraft]
        let continuation: CheckedContinuation<[JournalEntry], any Error>
    }

    /// Opens (creating when missing) the journal in `directory`, after checking ownership and permissions, and
    /// migrates it to the current schema.
    public init(directory: StateDirectory) throws(TimelineError) {
        try directory.prepare()
        try self.init(path: directory.journalPath)
    }

    /// Opens the journal file at `path` as it is (no ownership checks: `init(directory:)` does them).
    public init(path: String) throws(TimelineError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "firebreak.journal"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Self.migrator
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            guard unknown.isEmpty else { throw TimelineError.journalTooNew(path: path, unknown: unknown) }
            try migrator.migrate(pool)
        } catch let error as TimelineError {
            throw error
        } catch {
            throw .journalUnreadable(path: path, reason: "\(error)")
        }
    }

    /// The migrations applied to this file, oldest first.
    public nonisolated func appliedMigrations() async throws -> [String] {
        try await pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file.
    public nonisolated func integrityCheck() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: Entries

    public func append(_ drafts: [EntryDraft], to incident: UUID) async throws -> [JournalEntry] {
        guard !drafts.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(PendingAppend(incident: incident, drafts: drafts, continuation: continuation))
            if !isDraining {
                isDraining = true
                Task { await drain() }
            }
        }
    }

    /// Commits what is pending, in arrival order, one transaction per round. An append that `EntryWriter.validate`
    /// refuses (a milestone out of order) fails alone; a storage failure fails the round.
    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let needsFullSync = batch.contains { $0.drafts.contains { $0.body.kind == .actionIntent } }
            let outcomes: [Result<[JournalEntry], any Error>]
            do {
                outcomes = try await pool.writeWithoutTransaction { db in
                    if needsFullSync { try db.execute(sql: "PRAGMA synchronous = FULL") }
                    defer { if needsFullSync { try? db.execute(sql: "PRAGMA synchronous = NORMAL") } }
                    var outcomes: [Result<[JournalEntry], any Error>] = []
                    try db.inTransaction {
                        var writer = try EntryWriter(db: db, wallTime: Date())
                        try writer.prefetch(batch.map { ($0.incident, $0.drafts) })
                        for append in batch {
                            do {
                                try writer.validate(append.drafts, to: append.incident)
                            } catch {
                                outcomes.append(.failure(Self.timelineError(error)))
                                continue
                            }
                            outcomes.append(.success(try writer.append(append.drafts, to: append.incident)))
                        }
                        return .commit
                    }
                    return outcomes
                }
            } catch {
                outcomes = batch.map { _ in .failure(Self.timelineError(error)) }
            }
            for (append, outcome) in zip(batch, outcomes) { append.continuation.resume(with: outcome) }
        }
        isDraining = false
    }

    public nonisolated func entries(of incident: UUID) async throws -> [JournalEntry] {
        try await read { db in
            let seq = try Self.incidentSequence(incident, db)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM entry WHERE incident_seq = ? ORDER BY seq", arguments: [seq]
            )
            .map { try EntryRow.entry(from: $0, incident: incident) }
        }
    }

    public nonisolated func changes(after revision: Int64, incident: UUID?, limit: Int) async throws -> [JournalEntry] {
        try await read { db in
            var ids: [Int64: UUID] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT seq, id FROM incident") { ids[row["seq"]] = row["id"] }
            let rows: [Row]
            if let incident {
                rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM entry WHERE revision > ? AND incident_seq = ? ORDER BY revision LIMIT ?",
                    arguments: [revision, try Self.incidentSequence(incident, db), limit])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM entry WHERE revision > ? ORDER BY revision LIMIT ?",
                    arguments: [revision, limit])
            }
            return try rows.map { row in
                let seq: Int64 = row["incident_seq"]
                guard let id = ids[seq] else { throw TimelineError.storage("entry of unknown incident \(seq)") }
                return try EntryRow.entry(from: row, incident: id)
            }
        }
    }

    /// The highest revision written so far (0 for an empty journal): where a follower that wants only new entries
    /// starts.
    public nonisolated func latestRevision() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT MAX(revision) FROM entry") ?? 0 }
    }

    /// Moves the write-ahead log into the journal file and empties it (`wal_checkpoint(TRUNCATE)`).
    public nonisolated func checkpoint() async throws {
        do {
            _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw Self.timelineError(error)
        }
    }

    /// How many sightings (growths of aggregated entries) the journal holds.
    public nonisolated func sightingCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sighting") ?? 0 }
    }

    /// How an aggregated entry grew, oldest first: the occurrence it was written with, then one per growth.
    public nonisolated func sightings(of entry: UUID) async throws -> [Occurrence] {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM entry WHERE id = ?", arguments: [entry]),
                let key = row["aggregation_key"] as String?
            else { return [] }
            let kind = EntryKind(rawValue: row["kind"]) ?? .note
            let first = try EntryRow.body(kind: kind, json: row["body"], occurrence: nil)
            let growth = try Row.fetchAll(
                db, sql: "SELECT * FROM sighting WHERE entry_seq = ? ORDER BY revision", arguments: [row["seq"]]
            ).map { sighting in
                Occurrence(
                    key: key, count: sighting["occurrence_count"],
                    firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                    lastSeen: Date(timeIntervalSince1970: sighting["last_seen"]), isActive: sighting["is_active"])
            }
            return [first.occurrence].compactMap { $0 } + growth
        }
    }

    // MARK: Helpers

    nonisolated func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.timelineError(error)
        }
    }

    static func timelineError(_ error: any Error) -> TimelineError {
        if let error = error as? TimelineError { return error }
        if let error = error as? DatabaseError {
            return .storage("\(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        }
        return .storage("\(error)")
    }

    static func incidentSequence(_ incident: UUID, _ db: Database) throws -> Int64 {
        guard let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM incident WHERE id = ?", arguments: [incident])
        else { throw TimelineError.noSuchIncident(incident.uuidString.lowercased()) }
        return seq
    }
}
