import ArgumentParser
import ClusterModel
import Foundation
import TUI

/// `firebreak [--demo [SCENARIO]]`: the live incident console, on the current kubeconfig context
/// or on the embedded simulated cluster.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The live incident console (the default command).",
        discussion: """
            Without --demo, connects to the current kubeconfig context. With --demo, starts the simulator on loopback \
            (HTTPS, a generated kubeconfig) and connects to it through the same client. Logs go to \
            $FIREBREAK_LOG or ~/.cache/firebreak/firebreak.log.
            """
    )

    @Flag(name: .customLong("demo"), help: "Run on the embedded simulated cluster.")
    var demo = false

    @Argument(help: "With --demo: the failure story to replay (see `firebreak sim scenarios`).")
    var scenario: String?

    @Option(help: "With --demo: simulated seconds per real second (6: CoreDNS is first OOM-killed within about 25 s).")
    var speed: Double = 6

    @Option(help: "With --demo: seed for the scenario's randomness.")
    var seed: UInt64 = 1

    @OptionGroup var target: ClusterTargetOptions

    @Flag(help: "Disable every key that changes the cluster.")
    var readOnly = false

    @Option(help: "The colour theme: default, light, high-contrast or mono (NO_COLOR selects mono).")
    var theme: String?

    @Flag(help: "With --demo: print progress lines instead of drawing the console.")
    var headless = false

    @Option(help: "With --demo --headless: stop after this many real seconds (0: run until interrupted).")
    var duration: Double = 0

    @Option(help: "Where the incident journal is kept (default $XDG_STATE_HOME/firebreak).")
    var stateDir: String?

    func validate() throws {
        if scenario != nil, !demo {
            throw ValidationError("A scenario needs --demo: firebreak --demo \(scenario ?? "")")
        }
        if speed <= 0 { throw ValidationError("--speed must be positive") }
    }

    @MainActor
    func run() async throws {
        // Before anything logs: every logger of the process writes to the file, never the terminal.
        let log = headless ? nil : LogFile.bootstrap(path: LogFile.defaultPath())
        guard demo else {
            try runConsole(
                endpoint: try target.endpoint(), simulatedTime: nil, kubeconfigPath: target.kubeconfig, log: log)
            return
        }
        let name = scenario ?? "coredns-dns-spike"
        let running = try await RunningSimulator.start(
            scenario: name, speed: speed, seed: seed, port: 0, kubeconfigPath: nil)
        if headless {
            print("Firebreak demo: scenario \(name) at \(speed)x on \(running.url)")
            print("kubectl --kubeconfig \(running.kubeconfigPath) get pods -A")
            let reporter = Task { await running.reportProgress(every: .seconds(5)) }
            await running.wait(seconds: duration)
            reporter.cancel()
            await running.stop()
            return
        }
        let clock = SimulatedClock(cluster: running.cluster)
        let follower = Task.detached { await clock.follow() }
        defer { follower.cancel() }
        let endpoint = try KubeconfigLoader().load(kubeconfigPath: running.kubeconfigPath, context: nil)
        do {
            try runConsole(
                endpoint: endpoint, simulatedTime: clock.now, kubeconfigPath: running.kubeconfigPath, log: log)
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }

    @MainActor
    private func runConsole(
        endpoint: ClusterEndpoint, simulatedTime: (@Sendable () -> Date)?, kubeconfigPath: String?, log: LogFile?
    ) throws {
        let options = ConsoleOptions(
            namespace: target.namespace, isReadOnly: readOnly, theme: theme, kubeconfigPath: kubeconfigPath,
            metricsInterval: demo ? .seconds(5) : .seconds(30), stateDirectory: stateDir)
        let session = ConsoleSession(options: options, simulatedTime: simulatedTime)
        defer { session.disconnect() }
        do {
            try session.run(endpoint: endpoint)
        } catch {
            FileHandle.standardError.write(Data("firebreak: \(error) (log: \(log?.path ?? "-"))\n".utf8))
            throw ExitCode.failure
        }
    }
}
