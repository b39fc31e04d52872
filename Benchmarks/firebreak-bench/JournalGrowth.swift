import ClusterModel
import ClusterSim
import Foundation
import Timeline

/// Records a scenario into an incident the way the console does (observations as they come, a store snapshot a
/// second, a sample of each touched container and node per metrics scrape) and measures how the journal file grows.
enum JournalGrowth {
    struct Result {
        let scenario: String
        let simulatedMinutes: Double
        let wallSeconds: Double
        let bytes: Int64
        let entries: Int
        let sightings: Int
        let samples: Int
        let kinds: [EntryKind: Int]

        var report: String {
            let perHour = Double(bytes) * 60 / simulatedMinutes
            let kindList = kinds.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            return "growth recording \(scenario): \(Measure.fixed(simulatedMinutes, 0)) simulated minutes in "
                + "\(Measure.fixed(wallSeconds, 0)) s: \(bytes / 1024) KiB, \(entries) entries "
                + "(\(kindList.joined(separator: ", "))), \(sightings) sightings, \(samples) samples; projected "
                + "\(Measure.fixed(perHour / 1_048_576, 1)) MiB per hour, \(Int(Double(entries) * 60 / simulatedMinutes)) "
                + "entries per hour"
        }
    }

    static func measure(scenario: String, minutes: Double, speed: Double) async throws -> Result {
        let cluster = try SimCluster(
            scenario: scenario, start: Date(),
            tokens: SimTokens(admin: ServedCluster.adminToken, viewer: "bench-viewer"))
        let served = try await ServedCluster.serve(cluster)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-growth-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SQLiteJournal(directory: StateDirectory(path: path))
        let clock = SimClockReader(cluster: cluster)
        await clock.refresh()
        let connection = try ClusterConnection(
            endpoint: try served.endpoint(), metricsInterval: .seconds(5), clock: ClusterClock(source: clock.now))
        let incident = try await journal.openIncident(title: scenario, context: "bench", at: clock.now())
        let recorder = IncidentRecorder(journal: journal, incident: incident.id, context: "bench")
        await connection.start()
        let start = ContinuousClock.now
        try await journal.checkpoint()
        let startSize = size(path)
        let ticker = Task { await cluster.run(speed: speed) }
        let observations = Task {
            for await batch in connection.observationUpdates() {
                await clock.refresh()
                _ = try? await recorder.record(batch, snapshot: await connection.store.snapshot(), at: clock.now())
            }
        }
        let scrapes = Task {
            for await metrics in connection.metricsUpdates() {
                await clock.refresh()
                _ = try? await recorder.record(
                    metrics: metrics, snapshot: await connection.store.snapshot(), at: metrics.time ?? clock.now())
            }
        }
        let snapshots = Task {
            while !Task.isCancelled {
                await clock.refresh()
                _ = try? await recorder.record(snapshot: await connection.store.snapshot(), at: clock.now())
                try? await Task.sleep(for: .seconds(1))
            }
        }
        try await Task.sleep(for: .seconds(minutes * 60 / speed))
        ticker.cancel()
        snapshots.cancel()
        await connection.stop()
        observations.cancel()
        scrapes.cancel()
        let wall = JournalAppends.seconds(ContinuousClock.now - start)
        let elapsed = await cluster.elapsedSeconds / 60
        await served.stop()
        try await journal.checkpoint()
        let entries = try await journal.entries(of: incident.id)
        let sightings = try await journal.sightingCount()
        let kinds = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
        let samples = try await journal.samples(of: incident.id).count
        return Result(
            scenario: scenario, simulatedMinutes: elapsed, wallSeconds: wall, bytes: size(path) - startSize,
            entries: entries.count, sightings: sightings, samples: samples, kinds: kinds)
    }

    /// The journal file and its WAL (empty after a checkpoint), in bytes.
    static func size(_ directory: String) -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/journal.sqlite" + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}

/// The simulator's clock, read every second by the snapshot loop and synchronously by the connection.
final class SimClockReader: @unchecked Sendable {
    private let cluster: SimCluster
    private let lock = NSLock()
    private var latest = Date()

    init(cluster: SimCluster) {
        self.cluster = cluster
    }

    func refresh() async {
        let now = await cluster.now
        lock.withLock { latest = now }
    }

    @Sendable func now() -> Date { lock.withLock { latest } }
}
