import GRDB

extension SQLiteJournal {
    /// The schema, one migration per version. Never edit a registered migration: add the next one (and a test that
    /// opens `Tests/TimelineTests/Fixtures/journal-v1.sqlite` through it).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE incident (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id BLOB NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        context TEXT NOT NULL,
                        opened_cluster REAL NOT NULL,
                        opened_wall REAL NOT NULL,
                        closed_cluster REAL,
                        closed_wall REAL
                    );
                    CREATE TABLE entry (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id BLOB NOT NULL UNIQUE,
                        incident_seq INTEGER NOT NULL REFERENCES incident(seq),
                        revision INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        context TEXT NOT NULL,
                        cluster_time REAL NOT NULL,
                        wall_time REAL NOT NULL,
                        source TEXT NOT NULL,
                        subject_kind TEXT,
                        subject_namespace TEXT,
                        subject_name TEXT,
                        subject_container TEXT,
                        summary TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        body TEXT NOT NULL,
                        target BLOB,
                        aggregation_key TEXT,
                        occurrence_count INTEGER,
                        first_seen REAL,
                        last_seen REAL,
                        is_active INTEGER,
                        redactions TEXT NOT NULL
                    );
                    CREATE INDEX entry_by_incident_time ON entry(incident_seq, cluster_time, seq);
                    CREATE INDEX entry_by_revision ON entry(revision);
                    CREATE INDEX entry_by_aggregation ON entry(incident_seq, aggregation_key, seq)
                        WHERE aggregation_key IS NOT NULL;
                    CREATE TABLE sighting (
                        entry_seq INTEGER NOT NULL REFERENCES entry(seq),
                        revision INTEGER NOT NULL,
                        occurrence_count INTEGER NOT NULL,
                        last_seen REAL NOT NULL,
                        is_active INTEGER NOT NULL,
                        cluster_time REAL NOT NULL,
                        wall_time REAL NOT NULL
                    );
                    CREATE INDEX sighting_by_entry ON sighting(entry_seq);
                    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TRIGGER entry_never_deleted BEFORE DELETE ON entry
                        BEGIN SELECT RAISE(ABORT, 'journal entries are never deleted'); END;
                    CREATE TRIGGER entry_never_rewritten BEFORE UPDATE OF id, incident_seq, kind, context,
                        cluster_time, wall_time, source, subject_kind, subject_namespace, subject_name,
                        subject_container, body, target, aggregation_key ON entry
                        BEGIN SELECT RAISE(ABORT, 'journal entries are never rewritten'); END;
                    CREATE TRIGGER entry_only_occurrences_grow BEFORE UPDATE OF summary, evidence, redactions,
                        occurrence_count, first_seen, last_seen, is_active ON entry WHEN OLD.aggregation_key IS NULL
                        BEGIN SELECT RAISE(ABORT, 'journal entries are never rewritten'); END;
                    CREATE TRIGGER sighting_never_deleted BEFORE DELETE ON sighting
                        BEGIN SELECT RAISE(ABORT, 'journal sightings are never deleted'); END;
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sample (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        incident_seq INTEGER NOT NULL REFERENCES incident(seq),
                        subject_kind TEXT NOT NULL,
                        subject_namespace TEXT,
                        subject_name TEXT NOT NULL,
                        subject_container TEXT,
                        workload TEXT,
                        cluster_time REAL NOT NULL,
                        working_set INTEGER,
                        memory_limit INTEGER,
                        restarts INTEGER,
                        throttling_ratio REAL
                    );
                    CREATE INDEX sample_by_incident_time ON sample(incident_seq, cluster_time, seq);
                    CREATE TRIGGER sample_never_deleted BEFORE DELETE ON sample
                        BEGIN SELECT RAISE(ABORT, 'journal samples are never deleted'); END;
                    """)
        }
        return migrator
    }
}
