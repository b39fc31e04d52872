import Foundation
import GRDB

extension SQLiteJournal {
    static let currentIncidentKey = "current-incident"

    public nonisolated func openIncident(title: String, context: String, at clusterTime: Date) async throws -> Incident
    {
        let wall = Date()
        return try await write { db in
            let id = UUID()
            try db.execute(
                sql: """
                    INSERT INTO incident (id, title, context, opened_cluster, opened_wall) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [id, title, context, clusterTime.timeIntervalSince1970, wall.timeIntervalSince1970])
            try Self.setCurrent(id, db)
            return Incident(
                id: id, sequence: db.lastInsertedRowID, title: title, context: context,
                openedAt: Stamp(cluster: clusterTime, wall: wall))
        }
    }

    public nonisolated func incidents() async throws -> [Incident] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM incident ORDER BY seq").map(Self.incident) }
    }

    public nonisolated func incident(matching idOrPrefix: String) async throws -> Incident {
        let wanted = idOrPrefix.lowercased()
        let matches = try await incidents().filter { $0.id.uuidString.lowercased().hasPrefix(wanted) }
        guard !wanted.isEmpty, let first = matches.first else { throw TimelineError.noSuchIncident(idOrPrefix) }
        guard matches.count == 1 else {
            throw TimelineError.ambiguousIncident(idOrPrefix, matches: matches.map(\.shortID))
        }
        return first
    }

    public nonisolated func currentIncident() async throws -> Incident? {
        try await read { db in
            guard
                let value = try String.fetchOne(
                    db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.currentIncidentKey]),
                let id = UUID(uuidString: value)
            else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [id]).map(Self.incident)
        }
    }

    public nonisolated func makeCurrent(_ incident: UUID) async throws {
        try await write { db in
            _ = try Self.incidentSequence(incident, db)
            try Self.setCurrent(incident, db)
        }
    }

    public nonisolated func closeIncident(_ incident: UUID, at clusterTime: Date) async throws -> Incident {
        let wall = Date()
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [incident])
            else { throw TimelineError.noSuchIncident(incident.uuidString.lowercased()) }
            var closed = Self.incident(row)
            guard closed.isOpen else { throw TimelineError.incidentClosed(closed.shortID) }
            closed.closedAt = Stamp(cluster: clusterTime, wall: wall)
            try db.execute(
                sql: "UPDATE incident SET closed_cluster = ?, closed_wall = ? WHERE id = ?",
                arguments: [clusterTime.timeIntervalSince1970, wall.timeIntervalSince1970, incident])
            let current = try String.fetchOne(
                db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.currentIncidentKey])
            if current == incident.uuidString {
                if let next = try UUID.fetchOne(
                    db, sql: "SELECT id FROM incident WHERE closed_cluster IS NULL ORDER BY seq DESC LIMIT 1")
                {
                    try Self.setCurrent(next, db)
                } else {
                    try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.currentIncidentKey])
                }
            }
            return closed
        }
    }

    nonisolated func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.timelineError(error)
        }
    }

    static func setCurrent(_ incident: UUID, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [currentIncidentKey, incident.uuidString])
    }

    static func incident(_ row: Row) -> Incident {
        let closedCluster: Double? = row["closed_cluster"]
        let closedWall: Double? = row["closed_wall"]
        return Incident(
            id: row["id"], sequence: row["seq"], title: row["title"], context: row["context"],
            openedAt: Stamp(
                cluster: Date(timeIntervalSince1970: row["opened_cluster"]),
                wall: Date(timeIntervalSince1970: row["opened_wall"])),
            closedAt: closedCluster.map { cluster in
                Stamp(
                    cluster: Date(timeIntervalSince1970: cluster),
                    wall: Date(timeIntervalSince1970: closedWall ?? cluster))
            })
    }
}
