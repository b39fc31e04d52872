import ArgumentParser
import ClusterModel
import ClusterSim
import Foundation

/// ClusterModel against the scale scenario over HTTPS: time to a complete store, the client's memory, watch throughput,
/// the fetch-only floor, and kubectl listing the same pods, all in one run.
struct SyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Sync ClusterModel with the scale scenario and compare with kubectl.")

    @Option var nodes = 5000
    @Option var pods = 150_000
    @Option(help: "Pods deleted (and replaced) per simulated second to make the watch burst.") var churn = 2000
    @Option(
        help:
            "Simulated seconds of churn for the watch burst (keep the burst under the simulator's 50,000-change history)."
    ) var churnSeconds = 2
    @Option(help: "Alternating fetch-only floor and complete-store runs; the medians are compared.") var runs = 3
    @Option(help: "kubectl -o name runs (0: skip).") var nameRuns = 1
    @Option(help: "kubectl -o json runs (0: skip).") var jsonRuns = 1

    func run() async throws {
        print(
            "# ClusterModel sync benchmark: \(nodes) nodes, \(pods) pods, scale scenario served over HTTPS in this process"
        )
        let buildStart = ContinuousClock.now
        let cluster = try ServedCluster.scale(nodes: nodes, pods: pods)
        print(
            "simulator built in \(Measure.fixed(Measure.since(buildStart))) s; process RSS \(Measure.mib(Measure.selfMemory("VmRSS")))"
        )
        let served = try await ServedCluster.serve(cluster)
        let endpoint = try served.endpoint()

        // Floor and sync alternate, so that both see the same machine load; the medians are compared.
        let warmClient = try KubeClient(endpoint: endpoint)
        _ = try await ListPages.fetch(warmClient, .pods)
        try await warmClient.shutdown()
        var floors: [Double] = []
        var syncs: [SyncMeasurement] = []
        for run in 1...max(1, runs) {
            let (floor, bytes) = try await fetchFloor(endpoint)
            let sync = try await SyncMeasurement.run(endpoint: endpoint, pods: pods)
            print(
                "run \(run): complete store (all \(ResourceKind.watched.count) resources listed, \(sync.podCount) pods) \(Measure.fixed(sync.seconds)) s; "
                    + "fetch-only floor \(Measure.fixed(floor)) s for \(Measure.mib(bytes)) of JSON; ratio \(Measure.fixed(sync.seconds / floor))"
            )
            // Stopped at once, so that its signal evaluation does not load the next run; the last one feeds the watch burst.
            if run < runs { await sync.connection.stop() }
            floors.append(floor)
            syncs.append(sync)
        }
        let floor = Measure.median(floors)
        let syncSeconds = Measure.median(syncs.map(\.seconds))
        // Memory from the first sync: later ones start from a heap the earlier connections have already grown.
        let first = syncs[0]
        let sync = syncs[syncs.count - 1]
        print(
            "complete store, median of \(syncs.count): \(Measure.fixed(syncSeconds)) s = \(Measure.fixed(syncSeconds / floor)) × the median fetch-only floor (\(Measure.fixed(floor)) s)"
        )
        print(
            "client memory (first sync): RSS \(Measure.mib(first.rssBefore)) before, peak \(Measure.mib(first.peak)) during sync (+\(Measure.mib(first.peak - first.rssBefore))), "
                + "\(Measure.mib(first.rssAfter)) after (+\(Measure.mib(first.rssAfter - first.rssBefore)) held); the simulator shares this process, so only the deltas are the client's"
        )
        print(
            "held per pod: \(first.heldBytes / max(1, first.podCount)) bytes (store growth for every resource ÷ pods)")

        do {
            let watch = try await WatchBurst.run(
                cluster: cluster, connection: sync.connection, churn: churn, seconds: churnSeconds)
            print(
                "watch burst: \(watch.events) pod events (\(churn * churnSeconds) pods churned, \(Measure.fixed(watch.generation)) s to generate) "
                    + "replayed by a watch from resourceVersion \(watch.from), decoded and applied one by one to the synced store in \(Measure.fixed(watch.seconds)) s = \(Int(Double(watch.events) / watch.seconds)) events/s"
            )
        } catch {
            print("watch burst failed: \(error)")
        }
        await sync.connection.stop()

        for run in 0..<jsonRuns {
            let child = try served.kubectlListPods(output: "json", run: "\(run)")
            print(
                "kubectl get pods -A --chunk-size=500 -o json >/dev/null: \(Measure.fixed(child.seconds)) s, exit \(child.status), kubectl peak RSS so far \(Measure.mib(child.peakBytes)) "
                    + "→ ClusterModel \(Measure.fixed(child.seconds / syncSeconds, 1))× faster")
        }
        for run in 0..<nameRuns {
            let child = try served.kubectlListPods(output: "name", run: "\(run)")
            print(
                "kubectl get pods -A --chunk-size=500 -o name: \(Measure.fixed(child.seconds)) s, \(child.stdoutLines) pods, exit \(child.status), "
                    + "kubectl peak RSS so far \(Measure.mib(child.peakBytes)) → ClusterModel \(Measure.fixed(child.seconds / syncSeconds, 1))× faster, "
                    + "client peak growth \(Measure.fixed(Double(first.peak - first.rssBefore) / Double(max(1, child.peakBytes)) * 100, 1))% of kubectl's peak"
            )
        }
        await served.stop()
    }

    /// Fetches every page of all eight resources concurrently, as the reflectors do, without decoding.
    private func fetchFloor(_ endpoint: ClusterEndpoint) async throws -> (seconds: Double, bytes: Int) {
        let client = try KubeClient(endpoint: endpoint)
        var bytes = 0
        let seconds = try await Measure.seconds {
            bytes = try await withThrowingTaskGroup(of: Int.self) { group in
                for resource in ResourceKind.watched { group.addTask { try await ListPages.fetch(client, resource) } }
                return try await group.reduce(0, +)
            }
        }
        try await client.shutdown()
        return (seconds, bytes)
    }
}

/// One ClusterConnection started cold and timed until every resource has been listed into its store.
struct SyncMeasurement {
    let connection: ClusterConnection
    let seconds: Double
    let podCount: Int
    let rssBefore: Int
    let peak: Int
    let rssAfter: Int
    var heldBytes: Int { rssAfter - rssBefore }

    static func run(endpoint: ClusterEndpoint, pods: Int) async throws -> SyncMeasurement {
        Measure.resetPeak()
        let rssBefore = Measure.selfMemory("VmRSS")
        let sampler = PeakSampler()
        let sampling = Task { await sampler.run() }
        let connection = try ClusterConnection(endpoint: endpoint, metricsInterval: nil)
        let start = ContinuousClock.now
        await connection.start()
        await connection.store.waitUntilSynced(ResourceKind.watched)
        let seconds = Measure.since(start)
        sampling.cancel()
        let snapshot = await connection.store.snapshot()
        let peak = max(await sampler.peak, Measure.selfMemory("VmHWM"))
        let rssAfter = Measure.selfMemory("VmRSS")
        withExtendedLifetime(snapshot) {}
        return SyncMeasurement(
            connection: connection, seconds: seconds, podCount: snapshot.pods.count, rssBefore: rssBefore,
            peak: peak, rssAfter: rssAfter)
    }
}

/// Samples VmRSS every 5 ms (VmHWM may already hold the simulator's build peak if it cannot be reset).
actor PeakSampler {
    private(set) var peak = 0

    func run() async {
        while !Task.isCancelled {
            peak = max(peak, Measure.selfMemory("VmRSS"))
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Churn on the simulator makes a burst of pod changes; a watch from just before the burst replays them and the
/// events are applied to the synced store, timed from the first event to the last.
struct WatchBurst {
    let events: Int
    let seconds: Double
    let generation: Double
    let from: String

    static func run(cluster: SimCluster, connection: ClusterConnection, churn: Int, seconds churnSeconds: Int)
        async throws -> WatchBurst
    {
        // The first controller tick at this size rewrites every workload's and pod's status, more changes than the
        // simulator's 50,000-change history holds: settle it before marking where the replay starts.
        await cluster.advance(bySeconds: 1)
        let from = String(await cluster.resourceVersion)
        let generationStart = ContinuousClock.now
        await cluster.setChurn(perSecond: churn)
        await cluster.advance(bySeconds: Double(churnSeconds))
        await cluster.setChurn(perSecond: 0)
        await cluster.advance(bySeconds: 2)
        let generation = Measure.since(generationStart)
        let store = await connection.store
        let client = await connection.client
        let stream = try await client.watch(
            PodSummary.self, .pods, options: ListOptions(resourceVersion: from, timeoutSeconds: 600))
        let progress = BurstProgress()
        let reader = Task { () throws -> (Int, ContinuousClock.Instant?, ContinuousClock.Instant) in
            var events = 0
            var first: ContinuousClock.Instant?
            var last = ContinuousClock.now
            for try await event in stream {
                if first == nil { first = ContinuousClock.now }
                if case .error(let error) = event { throw error }
                // One event at a time, as the reflector applies them.
                await store.apply(.pods, event: event)
                events += 1
                last = ContinuousClock.now
                if events % 256 == 0 { progress.set(events) }
            }
            progress.set(events)
            return (events, first, last)
        }
        // The replay has ended when no event has been applied for a second; ending the watch ends the reader.
        var seen = -1
        var waited = 0
        while progress.count != seen || (seen == 0 && waited < 30) {
            seen = progress.count
            waited += 1
            try await Task.sleep(for: .seconds(1))
        }
        reader.cancel()
        let (events, first, last) = try await reader.value
        let elapsed = first.map { Measure.seconds(last - $0) } ?? 0
        return WatchBurst(events: events, seconds: max(elapsed, 1e-6), generation: generation, from: from)
    }
}

/// The events applied so far, read by the loop that decides the replay is over.
final class BurstProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var applied = 0
    var count: Int { lock.withLock { applied } }
    func set(_ value: Int) { lock.withLock { applied = value } }
}

extension Measure {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func since(_ start: ContinuousClock.Instant) -> Double { seconds(ContinuousClock.now - start) }

    /// Resets VmHWM to the current RSS (Linux: writing 5 to /proc/self/clear_refs).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
