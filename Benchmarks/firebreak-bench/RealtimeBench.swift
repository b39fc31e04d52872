import ArgumentParser
import ClusterModel
import ClusterSim
import Foundation

/// The simulator at 150,000 pods with the change-driven controllers (after) and the full-visit ones (before), in one
/// run: tick CPU, write rate, encoding, and the scale scenario served at speed 1 with churn, its clock's rate and lag,
/// CPU and RSS, and the latency of a `GET /version` loop meanwhile.
struct RealtimeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realtime",
        abstract: "Run the scale scenario in real time with churn, change-driven controllers beside full visits.")

    @Option var nodes = 5000
    @Option var pods = 150_000
    @Option(help: "Pods deleted (and replaced) per simulated second during the real-time runs.") var churn = 1000
    @Option(help: "Wall seconds of the real-time run with change-driven controllers.") var seconds = 600.0
    @Option(help: "Wall seconds of the real-time run with full visits (0: skip).") var beforeSeconds = 60.0
    @Option(help: "Steady ticks timed (no churn) in each mode.") var steadyTicks = 5
    @Option(help: "Pods rewritten at once for the write rate.") var storm = 20_000
    @Option(help: "Seconds between progress lines during the real-time runs.") var every = 10.0

    func run() async throws {
        print("# ClusterSim real-time benchmark: \(nodes) nodes, \(pods) pods, churn \(churn) pods/s")
        for mode in [ControllerMode.changeDriven, .fullVisit] {
            let label = mode == .changeDriven ? "after (change-driven)" : "before (full visit)"
            let wall = mode == .changeDriven ? seconds : beforeSeconds
            try await measure(mode, label: label, wallSeconds: wall)
        }
    }

    private func measure(_ mode: ControllerMode, label: String, wallSeconds: Double) async throws {
        let rssBefore = Measure.selfMemory("VmRSS")
        var built: SimCluster?
        let build = try await Measure.seconds {
            built = try SimCluster(
                scenario: "scale", start: Date(),
                options: ScenarioOptions(nodes: nodes, pods: pods, churnPerSecond: 0),
                tokens: SimTokens(admin: ServedCluster.adminToken, viewer: "bench-viewer"), controllers: mode)
        }
        guard let cluster = built else { return }
        print(
            "\(label): built in \(Measure.fixed(build)) s, RSS \(Measure.mib(Measure.selfMemory("VmRSS"))) (+\(Measure.mib(Measure.selfMemory("VmRSS") - rssBefore)))"
        )
        await cluster.advance(bySeconds: 1)
        let first = await cluster.clockStatus().lastTickCPUMilliseconds
        var steady: [Double] = []
        for _ in 0..<steadyTicks {
            await cluster.advance(bySeconds: 1)
            steady.append(await cluster.clockStatus().lastTickCPUMilliseconds)
        }
        print(
            "\(label): first tick \(Measure.fixed(first, 0)) ms CPU; steady ticks (no churn) \(steady.map { Measure.fixed($0, 1) }.joined(separator: ", ")) ms CPU, median \(Measure.fixed(Measure.median(steady), 1)) ms"
        )
        let writing = await Measure.seconds { await cluster.touchPods(storm) }
        let encoding = await cluster.podEncodingSeconds(count: 10_000)
        print(
            "\(label): \(storm) pod writes in \(Measure.fixed(writing)) s = \(Int(Double(storm) / writing)) writes/s at \(pods) pods; "
                + "encoding alone \(Measure.fixed(encoding.store / 10_000 * 1e6, 1)) µs a pod (\(encoding.bytes / 10_000) bytes), "
                + "Foundation's JSONEncoder \(Measure.fixed(encoding.foundation / 10_000 * 1e6, 1)) µs (\(Measure.fixed(encoding.foundation / encoding.store, 1))×)"
        )
        await cluster.advance(bySeconds: 1)
        print(
            "\(label): tick after the write storm \(Measure.fixed(await cluster.clockStatus().lastTickCPUMilliseconds, 0)) ms CPU"
        )
        if wallSeconds > 0 { try await realTime(cluster, label: label, wallSeconds: wallSeconds) }
    }

    /// Serves the cluster at speed 1 with churn for `wallSeconds`, with a pod watch and a `GET /version` loop.
    private func realTime(_ cluster: SimCluster, label: String, wallSeconds: Double) async throws {
        let served = try await ServedCluster.serve(cluster)
        let client = try KubeClient(endpoint: try served.endpoint())
        let counter = LineCounter()
        let watcher = try Self.watchPods(url: served.url, from: await cluster.resourceVersion, counter: counter)
        await cluster.setChurn(perSecond: churn)
        let startSimulated = await cluster.elapsedSeconds
        let startVersion = await cluster.resourceVersion
        let startCPU = Measure.processCPUSeconds()
        let start = ContinuousClock.now
        let clock = Task { await cluster.run(speed: 1) }
        let latencies = Task { await Self.versionLoop(client, until: start + .seconds(wallSeconds)) }
        var peakRSS = 0
        var worstLag = 0.0
        var lowestRate = Double.infinity
        var lastCPU = startCPU
        var lastSample = start
        while ContinuousClock.now - start < .seconds(wallSeconds) {
            try await Task.sleep(for: .seconds(min(every, wallSeconds)))
            let status = await cluster.clockStatus()
            let cpu = Measure.processCPUSeconds()
            let rss = Measure.selfMemory("VmRSS")
            let interval = Measure.since(lastSample)
            peakRSS = max(peakRSS, rss)
            worstLag = max(worstLag, status.lagSeconds)
            if Measure.since(start) > 15 { lowestRate = min(lowestRate, status.simulatedPerWallSecond) }
            print(
                "\(label) t+\(Int(Measure.since(start))) s: \(status.summary) · process CPU \(Measure.fixed((cpu - lastCPU) / interval * 100, 0)) % · RSS \(Measure.mib(rss))"
            )
            lastCPU = cpu
            lastSample = .now
        }
        clock.cancel()
        await clock.value
        let wall = Measure.since(start)
        let simulated = await cluster.elapsedSeconds - startSimulated
        let writes = await cluster.resourceVersion - startVersion
        let cpu = Measure.processCPUSeconds() - startCPU
        let samples = await latencies.value
        watcher.terminate()
        await cluster.setChurn(perSecond: 0)
        try await client.shutdown()
        await served.stop()
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        print(
            "\(label) real time: \(Measure.fixed(simulated, 0)) simulated s in \(Measure.fixed(wall, 1)) wall s = \(Measure.fixed(simulated / wall, 3)) sim s per wall s "
                + "(lowest \(Measure.fixed(lowestRate == .infinity ? 0 : lowestRate, 2)) over a 10 s window after the first 15 s, worst lag \(Measure.fixed(worstLag, 1)) s); "
                + "\(Int(Double(counter.lines) / wall)) pod watch events/s, \(Int(Double(writes) / wall)) writes/s in all; "
                + "process CPU \(Measure.fixed(cpu, 1)) s = \(Measure.fixed(cpu / wall * 100, 0)) % of one core; peak RSS \(Measure.mib(peakRSS)); "
                + "GET /version (\(sorted.count) requests) p50 \(Measure.fixed(percentile(0.5) * 1000, 1)) ms, p99 \(Measure.fixed(percentile(0.99) * 1000, 1)) ms, max \(Measure.fixed((sorted.last ?? 0) * 1000, 1)) ms"
        )
    }

    /// `GET /version` every 10 ms until `deadline`; each request's latency in seconds.
    private static func versionLoop(_ client: KubeClient, until deadline: ContinuousClock.Instant) async -> [Double] {
        var samples: [Double] = []
        while ContinuousClock.now < deadline {
            let start = ContinuousClock.now
            _ = try? await client.getData(path: "/version")
            samples.append(Measure.since(start))
            try? await Task.sleep(for: .milliseconds(10))
        }
        return samples
    }

    /// A curl watch on every pod from `version`, its lines counted.
    private static func watchPods(url: String, from version: Int64, counter: LineCounter) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "curl", "-sNk", "-H", "Authorization: Bearer \(ServedCluster.adminToken)",
            "\(url)/api/v1/pods?watch=1&resourceVersion=\(version)",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { handle in counter.add(handle.availableData) }
        try process.run()
        return process
    }
}

extension Measure {
    /// User and system CPU time of this process, in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
