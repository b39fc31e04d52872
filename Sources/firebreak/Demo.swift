import ArgumentParser
import ClusterSim
import Foundation

/// `firebreak --demo [SCENARIO]`: the embedded simulated cluster, served on loopback, with a live summary.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run on the embedded simulated cluster (no cluster needed).",
        discussion: "Starts the simulator on loopback and writes a kubeconfig for it; kubectl can be pointed at it while it runs."
    )

    @Flag(name: .customLong("demo"), help: "Run on the embedded simulated cluster.")
    var demo = false

    @Argument(help: "The failure story to replay (see `firebreak sim scenarios`).")
    var scenario: String = "coredns-dns-spike"

    @Option(help: "Simulated seconds per real second.")
    var speed: Double = 4

    @Option(help: "Seed for the scenario's randomness.")
    var seed: UInt64 = 1

    @Option(help: "Stop after this many real seconds (0: run until interrupted).")
    var duration: Double = 0

    func run() async throws {
        let running = try await RunningSimulator.start(scenario: scenario, speed: speed, seed: seed, port: 0, kubeconfigPath: nil)
        print("Firebreak demo: scenario \(scenario) at \(speed)x on \(running.url)")
        print("kubectl --kubeconfig \(running.kubeconfigPath) get pods -A")
        let reporter = Task { await running.reportProgress(every: .seconds(5)) }
        await running.wait(seconds: duration)
        reporter.cancel()
        await running.stop()
    }
}
