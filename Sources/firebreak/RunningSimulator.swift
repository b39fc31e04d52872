import ClusterSim
import Foundation

/// A simulator started by the command line: cluster, HTTP server, clock task and kubeconfig.
struct RunningSimulator {
    let served: ServedSimulator
    let clock: Task<Void, Never>
    var cluster: SimCluster { served.cluster }
    var url: String { served.url }
    var kubeconfigPath: String { served.kubeconfigPath }

    static func start(
        scenario: String, speed: Double, seed: UInt64, port: Int, kubeconfigPath: String?,
        options: ScenarioOptions = ScenarioOptions()
    ) async throws -> RunningSimulator {
        let cluster = try SimCluster(
            scenario: scenario, seed: seed, start: Date(), options: options,
            tokens: SimTokens(admin: randomToken(), viewer: randomToken(), view: randomToken()))
        let served = try await ServedSimulator.start(
            cluster, port: port, threads: ProcessInfo.processInfo.activeProcessorCount, kubeconfigPath: kubeconfigPath)
        let clock = Task { await cluster.run(speed: speed) }
        return RunningSimulator(served: served, clock: clock)
    }

    /// Waits `seconds` of real time, or until interrupted when 0.
    func wait(seconds: Double) async {
        if seconds > 0 {
            try? await Task.sleep(for: .seconds(seconds))
        } else {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
                signal(SIGINT, SIG_IGN)
                source.setEventHandler {
                    source.cancel()
                    continuation.resume()
                }
                source.resume()
            }
        }
    }

    /// Prints the simulator's status line every `interval`: simulated time, whether the clock keeps up (simulated
    /// seconds per wall second, lag, tick CPU), the process's CPU and memory, and object counts.
    func reportProgress(every interval: Duration) async {
        var usage = ProcessUsage.now()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let counts = await cluster.objectCounts()
            let elapsed = Int(await cluster.elapsedSeconds)
            let clock = await cluster.clockStatus()
            let current = ProcessUsage.now()
            print(
                "t+\(elapsed / 60)m\(elapsed % 60)s  \(clock.summary)  \(current.summary(since: usage))  nodes \(counts["nodes"] ?? 0)  pods \(counts["pods"] ?? 0)  events \(counts["events"] ?? 0)  watches \(await cluster.watchCount)"
            )
            usage = current
        }
    }

    func stop() async {
        clock.cancel()
        await served.stop()
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
