import ClusterModel
import ClusterSim
import Foundation
import TestSupport
import Testing
import Timeline

/// The live path: `ConnectionRecording` subscribed to a connection on the served simulator keeps samples of the
/// containers the incident touches, at most one per container per scrape, stamped with the scrape's cluster time.
@Suite("Connection recording keeps samples")
struct ConnectionRecordingTests {
    @Test func samplesOfTouchedContainersAreKeptOncePerScrape() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike", seed: 7))
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(
                variables: [:], homeDirectory: (served.kubeconfigPath as NSString).deletingLastPathComponent)
        ).load(kubeconfigPath: served.kubeconfigPath)
        let clock = SimClock(await served.cluster.now)
        let connection = try ClusterConnection(
            endpoint: endpoint, metricsInterval: .milliseconds(200), clock: ClusterClock(source: { clock.now }))
        let folder = try TemporaryDirectory()
        let journal = try SQLiteJournal(directory: StateDirectory(path: folder.path + "/state"))
        let incident = try await journal.openIncident(title: "DNS", context: endpoint.contextName, at: clock.now)
        let recorder = IncidentRecorder(journal: journal, incident: incident.id, context: endpoint.contextName)
        let failures = Recorder<String>()
        let scrapeTimes = Recorder<Date>()
        let tasks = [
            Task {
                await ConnectionRecording.follow(connection, into: recorder) { failures.append("\($0)") }
            },
            Task { for await scrape in connection.metricsUpdates() { scrape.time.map(scrapeTimes.append) } },
        ]
        do {
            await connection.start()
            var elapsed = 0.0
            while try await journal.samples(of: incident.id).count < 8 && elapsed < 400 {
                await served.cluster.advance(bySeconds: 10)
                clock.set(await served.cluster.now)
                elapsed += 10
                try await Task.sleep(for: .milliseconds(400))
            }
        } catch {
            tasks.forEach { $0.cancel() }
            await connection.stop()
            await served.stop()
            throw error
        }
        tasks.forEach { $0.cancel() }
        await connection.stop()
        await served.stop()

        #expect(failures.all.isEmpty, "\(failures.all)")
        let samples = try await journal.samples(of: incident.id)
        #expect(samples.count >= 8, "samples recorded once the OOM loop touched coredns")
        let entries = try await journal.entries(of: incident.id)
        let workloads = Set(entries.compactMap { $0.evidence[IncidentRecording.workloadEvidenceKey]?.stringValue })
        let nodes = Set(
            entries.compactMap { $0.evidence["node"]?.stringValue }
                + entries.compactMap { $0.subject?.kind == "Node" ? $0.subject?.name : nil })
        let containers = samples.filter { $0.subject.kind == "Pod" }
        #expect(!containers.isEmpty && containers.allSatisfy { $0.workload.map(workloads.contains) == true })
        #expect(samples.filter { $0.subject.kind == "Node" }.allSatisfy { nodes.contains($0.subject.name) })
        let byContainer = Dictionary(grouping: samples) { "\($0.subject.name)/\($0.subject.container ?? "")" }
        for (container, series) in byContainer {
            let times = series.map(\.clusterTime)
            #expect(Set(times).count == times.count, "one sample per scrape time for \(container)")
        }
        let scrapes = Set(scrapeTimes.all)
        #expect(samples.allSatisfy { scrapes.contains($0.clusterTime) }, "stamped with a scrape's cluster time")
    }
}
