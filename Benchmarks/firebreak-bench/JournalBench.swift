import ArgumentParser
import ClusterModel
import Foundation
import Timeline

/// `firebreak-bench journal`: append latency and throughput of the SQLite journal beside the `sqlite3` CLI inserting
/// the same rows with the same pragmas, and the journal's growth while recording a busy scenario.
struct JournalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Journal appends (single, 10,000-subject burst) and growth per hour.")

    @Option(help: "Single appends, one after another.")
    var singles = 2000

    @Option(help: "Subjects in a burst.")
    var burst = 10_000

    @Option(help: "Runs of each measurement (medians reported).")
    var runs = 3

    @Option(help: "Scenario recorded for the growth measurement.")
    var scenario = "coredns-dns-spike"

    @Option(help: "Simulated minutes recorded for the growth measurement (0 skips it).")
    var minutes = 10.0

    @Option(help: "Simulated seconds per real second during the growth measurement.")
    var speed = 10.0

    func run() async throws {
        print("journal appends (\(runs) runs; medians)")
        var single: [AppendStats] = []
        var concurrent: [AppendStats] = []
        var burstConcurrent: [AppendStats] = []
        var burstBatch: [Double] = []
        var cliSingle: [Double] = []
        var cliBurst: [Double] = []
        for run in 1...runs {
            single.append(try await JournalAppends.sequential(count: singles))
            concurrent.append(try await JournalAppends.concurrent(count: singles, observations: false))
            burstConcurrent.append(try await JournalAppends.concurrent(count: burst, observations: true))
            burstBatch.append(try await JournalAppends.batch(count: burst))
            cliSingle.append(try SQLiteCLIPeer.seconds(rows: singles, inOneTransaction: false))
            cliBurst.append(try SQLiteCLIPeer.seconds(rows: burst, inOneTransaction: true))
            print("  run \(run): done")
        }
        func median(_ values: [AppendStats], _ key: (AppendStats) -> Double) -> Double {
            Measure.median(values.map(key))
        }
        let singleRate = median(single, \.perSecond)
        let cliSingleRate = Double(singles) / Measure.median(cliSingle)
        print(
            "single notes, one after another: p50 \(micro(median(single, \.p50))) p99 \(micro(median(single, \.p99))), "
                + "\(Int(singleRate))/s; sqlite3 CLI (one INSERT per transaction): \(Int(cliSingleRate))/s "
                + "(journal = \(Measure.fixed(singleRate / cliSingleRate)) x CLI)")
        print(
            "single notes, \(singles) concurrent appenders: p50 \(micro(median(concurrent, \.p50))) "
                + "p99 \(micro(median(concurrent, \.p99))), \(Int(median(concurrent, \.perSecond)))/s")
        let burstRate = median(burstConcurrent, \.perSecond)
        let batchRate = Double(burst) / Measure.median(burstBatch)
        let cliBurstRate = Double(burst) / Measure.median(cliBurst)
        print(
            "burst of \(burst) observations on \(burst) subjects, one append each (concurrent): "
                + "p50 \(milli(median(burstConcurrent, \.p50))) p99 \(milli(median(burstConcurrent, \.p99))), "
                + "\(Int(burstRate))/s")
        print(
            "burst as one append of \(burst) drafts: \(milli(Measure.median(burstBatch))), \(Int(batchRate))/s; "
                + "sqlite3 CLI (\(burst) INSERTs in one transaction): \(milli(Measure.median(cliBurst))), "
                + "\(Int(cliBurstRate))/s (journal = \(Measure.fixed(batchRate / cliBurstRate)) x CLI)")
        if minutes > 0 {
            let growth = try await JournalGrowth.measure(scenario: scenario, minutes: minutes, speed: speed)
            print(growth.report)
        }
    }

    func micro(_ seconds: Double) -> String { "\(Measure.fixed(seconds * 1e6, 0)) µs" }
    func milli(_ seconds: Double) -> String { "\(Measure.fixed(seconds * 1e3, 1)) ms" }
}

/// Latencies of a set of appends: each from its call to its acknowledgement.
struct AppendStats {
    let p50: Double
    let p99: Double
    let perSecond: Double

    init(latencies: [Double], total: Double) {
        let sorted = latencies.sorted()
        p50 = sorted[sorted.count / 2]
        p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        perSecond = Double(latencies.count) / total
    }
}

/// Appends to a fresh journal in a temporary state directory.
enum JournalAppends {
    static func withJournal<T>(_ body: (SQLiteJournal, Incident) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-bench-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SQLiteJournal(directory: StateDirectory(path: path))
        let incident = try await journal.openIncident(title: "bench", context: "bench", at: Date())
        return try await body(journal, incident)
    }

    static func note(_ index: Int) -> EntryDraft {
        .note("engineer note \(index): restarted coredns-6d4b-x2x after the third OOM", context: "bench", at: Date())
    }

    static func observation(_ index: Int) -> EntryDraft {
        let now = Date()
        return .observation(
            Observation(
                id: "oomKilled/bench/pod-\(index)/app", kind: .oomKilled, severity: .critical,
                subject: ObservationSubject(kind: "Pod", namespace: "bench", name: "pod-\(index)", container: "app"),
                firstSeen: now, lastSeen: now, evidence: ["memoryLimit": "170Mi", "exitCode": "137"],
                summary: "OOMKilled 1× at limit 170Mi, working set 169Mi"), context: "bench", at: now)
    }

    static func sequential(count: Int) async throws -> AppendStats {
        try await withJournal { journal, incident in
            var latencies: [Double] = []
            latencies.reserveCapacity(count)
            let total = try await Measure.seconds {
                for index in 0..<count {
                    let start = ContinuousClock.now
                    _ = try await journal.append(note(index), to: incident.id)
                    latencies.append(seconds(ContinuousClock.now - start))
                }
            }
            return AppendStats(latencies: latencies, total: total)
        }
    }

    static func concurrent(count: Int, observations: Bool) async throws -> AppendStats {
        try await withJournal { journal, incident in
            var latencies: [Double] = []
            let total = try await Measure.seconds {
                latencies = try await withThrowingTaskGroup(of: Double.self) { group in
                    for index in 0..<count {
                        group.addTask {
                            let start = ContinuousClock.now
                            _ = try await journal.append(
                                observations ? observation(index) : note(index), to: incident.id)
                            return seconds(ContinuousClock.now - start)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            return AppendStats(latencies: latencies, total: total)
        }
    }

    static func batch(count: Int) async throws -> Double {
        try await withJournal { journal, incident in
            let drafts = (0..<count).map(observation)
            return try await Measure.seconds { _ = try await journal.append(drafts, to: incident.id) }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
