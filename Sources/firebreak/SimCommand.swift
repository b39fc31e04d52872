import ArgumentParser
import ClusterSim
import Foundation

/// `firebreak sim …`: the simulated Kubernetes API server on its own.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "The simulated Kubernetes API server.",
        subcommands: [Serve.self, Scenarios.self]
    )

    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the failure stories the simulator replays.")

        func run() {
            let width = ScenarioCatalog.all.map(\.name.count).max() ?? 0
            for entry in ScenarioCatalog.all {
                print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary)
            }
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve a scenario on loopback until interrupted.")

        @Option(help: "The failure story to replay.")
        var scenario: String = "coredns-dns-spike"

        @Option(help: "Simulated seconds per real second.")
        var speed: Double = 1

        @Option(help: "Seed for the scenario's randomness.")
        var seed: UInt64 = 1

        @Option(help: "Port on 127.0.0.1 (0: chosen by the OS).")
        var port: Int = 0

        @Option(help: "Write a kubeconfig with the admin token here.")
        var kubeconfigOut: String?

        @Option(help: "Nodes in the scale scenario.")
        var nodes: Int = 5000

        @Option(help: "Pods in the scale scenario.")
        var pods: Int = 150_000

        @Option(help: "Pods deleted (and replaced) per simulated second in the scale scenario.")
        var churn: Int = 50

        @Option(
            help: """
                Keep at most this many Events; the oldest expire early, checked each simulated minute (0: keep each \
                for an hour, as the API server's --event-ttl does). Bounds memory under churn.
                """)
        var maxEvents: Int = 200_000

        @Option(help: "Stop after this many real seconds (0: run until interrupted).")
        var duration: Double = 0

        @Option(help: "Seconds between status lines (0: none).")
        var statusEvery: Double = 5

        func run() async throws {
            let options = ScenarioOptions(nodes: nodes, pods: pods, churnPerSecond: churn)
            let running = try await RunningSimulator.start(
                scenario: scenario, speed: speed, seed: seed, port: port,
                kubeconfigPath: kubeconfigOut, options: options)
            await running.cluster.setEventLimit(maxEvents > 0 ? maxEvents : nil)
            print("serving \(scenario) on \(running.url) (kubeconfig: \(running.kubeconfigPath))")
            let reporter = statusEvery > 0 ? Task { await running.reportProgress(every: .seconds(statusEvery)) } : nil
            await running.wait(seconds: duration)
            reporter?.cancel()
            await running.stop()
        }
    }
}
