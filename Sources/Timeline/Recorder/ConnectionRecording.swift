import ClusterModel
import Foundation

/// Follows a `ClusterConnection` into an incident: every batch of new or grown observations as it is published, and
/// the changes seen in the store (rollouts, limit changes, cordons, scales) at most once per `storeInterval`, each at
/// the connection's cluster time. The console and `firebreak signals --follow` record through it alike.
public enum ConnectionRecording {
    /// Records until cancelled; a failed write is reported to `failed` and recording goes on.
    public static func follow(
        _ connection: ClusterConnection, into recorder: IncidentRecorder, storeInterval: Duration = .seconds(1),
        failed: @escaping @Sendable (any Error) -> Void
    ) async {
        let observations = connection.observationUpdates()
        let changes = await connection.store.changes()
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
        }
    }
}
