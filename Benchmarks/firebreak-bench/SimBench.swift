import ArgumentParser
import ClusterSim
import Foundation

/// The simulator at scale: build time and memory, kubectl listing everything through it, and watch fan-out.
struct SimBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim", abstract: "Serve the scale scenario and measure it with kubectl.")

    @Option var nodes = 5000
    @Option var pods = 150_000
    @Option(help: "kubectl list runs.") var runs = 3
    @Option(help: "Concurrent watch streams for the fan-out measurement.") var watchers = 10
    @Option(help: "Pods deleted (and replaced) per simulated second during the fan-out measurement.") var churn = 500
    @Option(help: "Simulated seconds of churn during the fan-out measurement.") var churnSeconds = 20
    @Option(help: "Pods touched at once in the update-storm fan-out measurement.") var storm = 50_000

    func run() async throws {
        print("# ClusterSim scale benchmark: \(nodes) nodes, \(pods) pods")
        let baseline = Measure.selfMemory("VmRSS")
        var cluster: SimCluster?
        let build = try await Measure.seconds {
            cluster = try ServedCluster.scale(nodes: nodes, pods: pods)
        }
        guard let cluster else { return }
        let rss = Measure.selfMemory("VmRSS")
        print(
            "build: \(Measure.fixed(build)) s; simulator RSS \(Measure.mib(rss)) (\(Measure.mib(rss - baseline)) for the cluster, \(Measure.fixed(Double(rss - baseline) / Double(pods) / 1024, 1)) KiB per pod)"
        )

        let tick = await Measure.seconds { await cluster.advance(bySeconds: 1) }
        let steadyTick = await Measure.seconds { await cluster.advance(bySeconds: 1) }
        print(
            "controller tick: first \(Measure.fixed(tick)) s (computes every workload's status), then \(Measure.fixed(steadyTick)) s per simulated second without churn"
        )

        let served = try await ServedCluster.serve(cluster)
        let url = served.url

        var times: [Double] = []
        for run in 1...max(1, runs) where runs > 0 {
            let child = try served.kubectlListPods(output: "name", run: "\(run)")
            times.append(child.seconds)
            print(
                "kubectl get pods -A --chunk-size=500 -o name: run \(run): \(Measure.fixed(child.seconds)) s, \(child.stdoutLines) pods, exit \(child.status), kubectl peak RSS so far \(Measure.mib(child.peakBytes))"
            )
        }
        if runs > 0 {
            let json = try served.kubectlListPods(output: "json", run: "1")
            print("kubectl get pods -A --chunk-size=500 -o json: \(Measure.fixed(json.seconds)) s")
        }
        let curl = try Measure.run([
            "curl", "-sk", "-o", "/dev/null", "-H", "Authorization: Bearer \(ServedCluster.adminToken)",
            "\(url)/api/v1/pods",
        ])
        print("one unpaginated list of every pod over HTTPS with curl: \(Measure.fixed(curl.seconds)) s")
        print(
            "simulator RSS after serving: \(Measure.mib(Measure.selfMemory("VmRSS"))), peak \(Measure.mib(Measure.selfMemory("VmHWM")))"
        )

        try await fanOut(cluster: cluster, url: url) {
            await cluster.setChurn(perSecond: churn)
            for _ in 0..<churnSeconds { await cluster.advance(bySeconds: 1) }
        }
        try await replayFanOut(cluster: cluster, url: url)
        await served.stop()
        if !times.isEmpty {
            let sorted = times.sorted()
            print("median kubectl list: \(Measure.fixed(sorted[sorted.count / 2])) s")
        }
    }

    /// Opens `watchers` watch streams with curl, churns pods, and measures how fast every change reaches every stream.
    private func fanOut(cluster: SimCluster, url: String, load: () async -> Void) async throws {
        let version = await cluster.resourceVersion
        let counter = LineCounter()
        let processes = try startWatchers(url: url, from: version, counter: counter)
        try await Task.sleep(for: .seconds(1))
        let start = ContinuousClock.now
        await load()
        let generated = ContinuousClock.now - start
        let produced = Int(await cluster.resourceVersion - version)
        // Wait until no stream has received anything for a second: every pod change has then reached every watcher.
        var lastCount = -1
        var lastChange = ContinuousClock.now
        while ContinuousClock.now - lastChange < .seconds(1) {
            let current = counter.lines
            if current != lastCount {
                lastCount = current
                lastChange = ContinuousClock.now
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = lastChange - start
        for process in processes { process.terminate() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let generation = Double(generated.components.seconds) + Double(generated.components.attoseconds) / 1e18
        let perStream = counter.lines / max(1, watchers)
        print(
            "watch fan-out: \(produced) changes in all resources, \(perStream) of them pod events on each of \(watchers) HTTPS watch streams "
                + "(made in \(Measure.fixed(generation)) s); \(counter.lines) event lines delivered in \(Measure.fixed(seconds)) s "
                + "= \(Int(Double(counter.lines) / seconds)) events/s")
    }
}

extension SimBench {
    /// Rewrites `storm` pods at once (timed: the simulator's write rate), then opens `watchers` streams from before the storm
    /// and times how fast the stored events reach all of them (the fan-out rate alone).
    func replayFanOut(cluster: SimCluster, url: String) async throws {
        let version = await cluster.resourceVersion
        let writing = await Measure.seconds { await cluster.touchPods(storm) }
        print(
            "update storm: \(storm) pod writes in \(Measure.fixed(writing)) s = \(Int(Double(storm) / writing)) writes/s (each encoded once)"
        )
        let counter = LineCounter()
        let start = ContinuousClock.now
        let processes = try startWatchers(url: url, from: version, counter: counter)
        let expected = storm * watchers
        while counter.lines < expected, ContinuousClock.now - start < .seconds(120) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let elapsed = ContinuousClock.now - start
        for process in processes { process.terminate() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "watch fan-out (replay of the storm from history): \(counter.lines) of \(expected) event lines to \(watchers) HTTPS streams in "
                + "\(Measure.fixed(seconds)) s, curl start-up included = \(Int(Double(counter.lines) / seconds)) events/s"
        )
    }
}

extension SimBench {
    /// `watchers` curl processes watching every pod from `version`, their output lines counted by `counter`.
    func startWatchers(url: String, from version: Int64, counter: LineCounter) throws -> [Process] {
        try (0..<watchers).map { _ in
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
}

/// Counts newline bytes arriving from several pipes.
final class LineCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var lines: Int { lock.withLock { count } }
    func add(_ data: Data) {
        // Over the raw bytes: Data's iterator cost a tenth of the process's CPU in the real-time benchmark.
        let newLines = data.withUnsafeBytes { bytes in bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        lock.withLock { count += newLines }
    }
}
