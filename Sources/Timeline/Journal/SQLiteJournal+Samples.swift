import ClusterModel
import Foundation
import GRDB

extension SQLiteJournal {
    public nonisolated func appendSamples(_ samples: [MetricSample], to incident: UUID) async throws {
        guard !samples.isEmpty else { return }
        try await write { db in
            let seq = try Self.incidentSequence(incident, db)
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO sample (incident_seq, subject_kind, subject_namespace, subject_name, subject_container,
                        workload, cluster_time, working_set, memory_limit, restarts, throttling_ratio)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for sample in samples {
                try statement.execute(arguments: [
                    seq, sample.subject.kind, sample.subject.namespace, sample.subject.name, sample.subject.container,
                    sample.workload, sample.clusterTime.timeIntervalSince1970, sample.workingSetBytes,
                    sample.memoryLimitBytes, sample.restarts, sample.throttlingRatio,
                ])
            }
        }
    }

    public nonisolated func samples(of incident: UUID) async throws -> [MetricSample] {
        try await read { db in
            let seq = try Self.incidentSequence(incident, db)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM sample WHERE incident_seq = ? ORDER BY cluster_time, seq", arguments: [seq]
            ).map { row in
                MetricSample(
                    subject: ObservationSubject(
                        kind: row["subject_kind"], namespace: row["subject_namespace"], name: row["subject_name"],
                        container: row["subject_container"]),
                    workload: row["workload"], clusterTime: Date(timeIntervalSince1970: row["cluster_time"]),
                    workingSetBytes: row["working_set"], memoryLimitBytes: row["memory_limit"],
                    restarts: row["restarts"], throttlingRatio: row["throttling_ratio"])
            }
        }
    }
}
