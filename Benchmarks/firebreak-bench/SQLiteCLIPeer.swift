import Foundation
import Timeline

/// The `sqlite3` command-line shell inserting rows shaped like the journal's into a journal file made by
/// `SQLiteJournal` (same schema, WAL, `synchronous=NORMAL`): the floor an append could reach with no Swift at all.
enum SQLiteCLIPeer {
    /// Seconds the CLI spends on the inserts (its start-up, measured with the pragmas alone, subtracted).
    static func seconds(rows: Int, inOneTransaction: Bool) throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fb-cli-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = StateDirectory(path: folder.path)
        _ = try SQLiteJournal(directory: directory)
        let pragmas =
            "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nPRAGMA foreign_keys=ON;\n"
            + "INSERT INTO incident (id, title, context, opened_cluster, opened_wall) "
            + "VALUES (randomblob(16), 'bench', 'bench', 0, 0);\n"
        var script = pragmas
        if inOneTransaction { script += "BEGIN IMMEDIATE;\n" }
        let now = Date().timeIntervalSince1970
        for index in 0..<rows {
            script += """
                INSERT INTO entry (id, incident_seq, revision, kind, context, cluster_time, wall_time, source, \
                subject_kind, subject_namespace, subject_name, subject_container, summary, evidence, body, \
                aggregation_key, occurrence_count, first_seen, last_seen, is_active, redactions) VALUES \
                (randomblob(16), 1, \(index + 1), 'observation', 'bench', \(now), \(now), 'signals', 'Pod', 'bench', \
                'pod-\(index)', 'app', 'OOMKilled 1× at limit 170Mi, working set 169Mi', \
                '{"exitCode":"137","memoryLimit":"170Mi"}', \
                '{"kind":"oomKilled","observationID":"oomKilled/bench/pod-\(index)/app","severity":"critical"}', \
                'observation:oomKilled/bench/pod-\(index)/app', 1, \(now), \(now), 1, '[]');

                """
        }
        if inOneTransaction { script += "COMMIT;\n" }
        let baseline = try run("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nSELECT 1;\n", directory)
        let inserts = try run(script, directory)
        return max(0, inserts - baseline)
    }

    private static func run(_ script: String, _ directory: StateDirectory) throws -> Double {
        let scriptPath = directory.path + "/script-\(UUID()).sql"
        try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let child = try Measure.run(["sh", "-c", "sqlite3 '\(directory.journalPath)' < '\(scriptPath)'"])
        guard child.status == 0 else { throw CLIError(message: "sqlite3 exited with \(child.status)") }
        return child.seconds
    }

    struct CLIError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
