import ClusterModel
import Foundation

/// Follows a `ClusterConnection` into an incident: the observations showing when it starts, every batch of new or
/// grown observations as it is published, the changes seen in the store (rollouts, limit changes, cordons, scales)
/// at most once per `storeInterval`, and a metric sample of each container the incident touches per scrape, each at
/// the connection's cluster time (a sample at its scrape's). The console and `firebreak signals --follow` record
/// through it alike.
public enum ConnectionRecording {
    /// Records until cancelled; a failed write is reported to `failed` and recording goes on.
    public static func follow(
        _ connection: ClusterConnection, into recorder: IncidentRecorder, storeInterval: Duration = .seconds(1),
        failed: @escaping @Sendable (any Error) -> Void
    ) async {
        let observations = connection.observationUpdates()
        let changes = await connection.store.changes()
        let scrapes = connection.metricsUpdates()
        // What is already showing belongs to the incident too (it may be why the incident was opened), each at the
        // time it was first seen.
        let view = await connection.view()
        let showing = Dictionary(grouping: view.observations.filter(\.isActive), by: \.firstSeen)
        for (firstSeen, observations) in showing.sorted(by: { $0.key < $1.key }) {
            do {
                try await recorder.record(observations, snapshot: view.snapshot, at: min(firstSeen, view.now))
            } catch {
                failed(error)
            }
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await batch in observations where !batch.isEmpty {
                    let snapshot = await connection.store.snapshot()
                    do {
                        try await recorder.record(batch, snapshot: snapshot, at: connection.clock.now())
                    } catch {
                        failed(error)
                    }
                }
            }
            group.addTask {
                for await _ in changes {
                    let snapshot = await connection.store.snapshot()
                    do {
                        try await recorder.record(snapshot: snapshot, at: connection.clock.now())
                    } catch {
                        failed(error)
                    }
                    try? await Task.sleep(for: storeInterval)
                }
            }
            group.addTask {
                for await metrics in scrapes {
                    let snapshot = await connection.store.snapshot()
                    do {
                        try await recorder.record(
                            metrics: metrics, snapshot: snapshot, at: metrics.time ?? connection.clock.now())
                    } catch {
                        failed(error)
                    }
                }
            }
        }
    }
}
