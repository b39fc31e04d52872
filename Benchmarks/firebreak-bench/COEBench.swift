import ArgumentParser
import COE
import ClusterModel
import Foundation
import Timeline

/// `firebreak-bench coe`: the COE export of a large incident (journal read, build, Markdown with its SVG charts, and
/// the self-contained HTML) beside the `sqlite3` CLI dumping the same rows as JSON (`-json`), measured in the same run.
struct COEBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coe", abstract: "COE export of a large incident, beside sqlite3 -json on the same rows.")

    @Option(help: "Containers observed (each OOM-killed once, sampled every scrape).")
    var containers = 200

    @Option(help: "Containers per workload (a chart set per workload).")
    var perWorkload = 4

    @Option(help: "Scrapes recorded per container.")
    var scrapes = 120

    @Option(help: "Notes.")
    var notes = 200

    @Option(help: "Runs of each measurement (medians reported).")
    var runs = 3

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fb-coe-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = StateDirectory(path: folder.path + "/state")
        let journal = try SQLiteJournal(directory: directory)
        let incident = try await fill(journal)
        let entries = try await journal.entries(of: incident.id).count
        let samples = try await journal.samples(of: incident.id).count
        var markdown: [Double] = []
        var html: [Double] = []
        var dump: [Double] = []
        var phases: [String: [Double]] = [:]
        var files = 0
        for run in 1...runs {
            markdown.append(
                try await Measure.seconds {
                    files = try await export(journal, incident, format: .md, to: folder.path + "/coe.md") {
                        phases[$0, default: []].append($1)
                    }.count
                })
            html.append(
                try await Measure.seconds {
                    _ = try await export(journal, incident, format: .html, to: folder.path + "/coe.html") { _, _ in }
                })
            let child = try Measure.run([
                "sqlite3", "-json", directory.journalPath, "SELECT * FROM entry; SELECT * FROM sample;",
            ])
            guard child.status == 0 else {
                throw SQLiteCLIPeer.CLIError(message: "sqlite3 exited with \(child.status)")
            }
            dump.append(child.seconds)
            print("  run \(run): done")
        }
        let peer = Measure.median(dump)
        print("COE export of \(entries) entries and \(samples) samples (\(runs) runs; medians)")
        print(
            "markdown + \(files - 1) SVG charts: \(milli(Measure.median(markdown))) (read "
                + "\(milli(Measure.median(phases["read"] ?? []))), build \(milli(Measure.median(phases["build"] ?? []))), "
                + "render and write \(milli(Measure.median(phases["write"] ?? [])))); self-contained HTML: "
                + "\(milli(Measure.median(html))); sqlite3 -json dump of the same rows: \(milli(peer)) "
                + "(markdown = \(Measure.fixed(Measure.median(markdown) / peer)) x dump, "
                + "html = \(Measure.fixed(Measure.median(html) / peer)) x dump)")
    }

    /// Reads the journal, builds the document and writes it, as `firebreak coe export` does; reports each phase.
    func export(
        _ journal: SQLiteJournal, _ incident: Incident, format: COEExport.Format, to path: String,
        phase: (String, Double) -> Void
    ) async throws -> [String] {
        var input: COEInput?
        phase(
            "read",
            try await Measure.seconds {
                input = COEInput(
                    incident: incident, entries: try await journal.entries(of: incident.id),
                    samples: try await journal.samples(of: incident.id), generatedAt: Date())
            })
        guard let input else { return [] }
        var document: COEDocument?
        phase("build", await Measure.seconds { document = COEBuilder.build(input) })
        guard let document else { return [] }
        var written: [String] = []
        phase("write", try await Measure.seconds { written = try COEExport.write(document, format: format, to: path) })
        return written
    }

    /// An incident with an OOM kill per container, a Warning event per workload, notes, milestones and samples.
    func fill(_ journal: SQLiteJournal) async throws -> Incident {
        let start = Date(timeIntervalSince1970: 1_795_251_600)
        let incident = try await journal.openIncident(title: "bench", context: "bench", at: start)
        var drafts: [EntryDraft] = []
        var samples: [MetricSample] = []
        for index in 0..<containers {
            let workload = "Deployment/bench/app-\(index / perWorkload)"
            let pod = "app-\(index / perWorkload)-\(index)"
            let seen = start.addingTimeInterval(Double(index))
            let observation = Observation(
                id: "oomKilled/bench/\(pod)/app", kind: .oomKilled, severity: .critical,
                subject: ObservationSubject(kind: "Pod", namespace: "bench", name: pod, container: "app"),
                firstSeen: seen, lastSeen: seen, evidence: ["memoryLimit": "170Mi"],
                summary: "OOMKilled 1× at limit 170Mi, working set 169Mi")
            drafts.append(
                .observation(
                    observation, context: "bench", at: seen,
                    evidence: [
                        IncidentRecording.workloadEvidenceKey: .string(workload),
                        "memoryRequestBytes": .number(64 * 1_048_576), "memoryLimitBytes": .number(170 * 1_048_576),
                        "disruptionBudget": "none", "desiredReplicas": .number(Double(perWorkload)),
                    ]))
            for scrape in 0..<scrapes {
                samples.append(
                    MetricSample(
                        subject: observation.subject, workload: workload,
                        clusterTime: start.addingTimeInterval(Double(scrape * 15)),
                        workingSetBytes: Int64(60 + scrape % 110) << 20, memoryLimitBytes: 170 << 20,
                        restarts: scrape / 30, throttlingRatio: Double(scrape % 10) / 10))
            }
        }
        for index in 0..<notes {
            drafts.append(.note("note \(index)", context: "bench", at: start.addingTimeInterval(Double(index * 9))))
        }
        for (offset, milestone) in Milestone.allCases.enumerated() {
            drafts.append(.milestone(milestone, at: start.addingTimeInterval(Double(offset * 300)), context: "bench"))
        }
        _ = try await journal.append(drafts, to: incident.id)
        for chunk in stride(from: 0, to: samples.count, by: 5000) {
            try await journal.appendSamples(Array(samples[chunk..<min(chunk + 5000, samples.count)]), to: incident.id)
        }
        return incident
    }

    func milli(_ seconds: Double) -> String { "\(Int((seconds * 1000).rounded())) ms" }
}
