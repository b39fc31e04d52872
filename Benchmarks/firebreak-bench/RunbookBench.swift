import ArgumentParser
import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import Timeline

/// From a runbook key to the dry-run diff on screen: read, plan, SelfSubjectAccessReview, server-side dry run and
/// diff, against a simulator served over HTTPS, beside kubectl's own server-side dry run of the same patch.
struct RunbookBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Time raise-memory-limit up to its dry-run diff; compare with kubectl patch --dry-run=server.")

    @Option(help: "Runs of each (medians are reported).") var runs = 15
    @Option(help: "Pods in a scale-scenario cluster (0: the coredns-dns-spike story).") var pods = 0
    @Option(help: "Nodes for the scale scenario.") var nodes = 100

    func run() async throws {
        let scale = pods > 0
        let cluster =
            scale
            ? try ServedCluster.scale(nodes: nodes, pods: pods)
            : try SimCluster(
                scenario: "coredns-dns-spike", start: Date(),
                tokens: SimTokens(admin: ServedCluster.adminToken, viewer: "bench-viewer"))
        let served = try await ServedCluster.serve(cluster)
        defer { Task { await served.stop() } }
        let (namespace, deployment) = scale ? ("load-0", "app-0") : ("kube-system", "coredns")
        let container = scale ? "app" : "coredns"
        print(
            "# Runbook key to dry-run diff: raise-memory-limit on deployment \(namespace)/\(deployment), \(scale ? "\(pods) pods" : "coredns-dns-spike")"
        )

        let endpoint = try served.endpoint()
        let connection = try ClusterConnection(endpoint: endpoint, metricsInterval: nil)
        await connection.start()
        let store = await connection.store
        await store.waitUntilSynced(ResourceKind.watched)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent(
            "firebreak-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let journal = try SQLiteJournal(directory: StateDirectory(path: state.path))
        let timings = PhaseTimings()
        let driver = RunbookDriver(
            client: await connection.client, store: store, clock: { Date() },
            recorder: JournalActionRecorder(journal: journal, context: endpoint.contextName), conversation: timings,
            context: endpoint.contextName,
            options: .init(isDryRunOnly: true))
        let runbookPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("runbooks/raise-memory-limit.yaml").path
        guard let runbook = RunbookFiles.load(runbookPath).runbook else {
            throw ValidationError("cannot load \(runbookPath)")
        }
        let target = RunbookTarget(kind: .deployment, namespace: namespace, name: deployment)

        var totals: [Double] = []
        var peers: [Double] = []
        let patch =
            #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"\#(container)"}],"containers":[{"name":"\#(container)","resources":{"limits":{"memory":"300Mi"}}}]}}}}"#
        let cache = served.folder.appendingPathComponent("kubectl-cache").path
        _ = try kubectlDryRun(served, namespace, deployment, patch, cache)
        for _ in 0..<max(1, runs) {
            timings.reset()
            var status = RunbookResult.Status.failed
            let total = await Measure.seconds {
                status = await driver.run(runbook, target: target).result.status
            }
            guard status == .dryRun else { throw ValidationError("the dry run ended \(status)") }
            totals.append(total)
            timings.keep()
            peers.append(try kubectlDryRun(served, namespace, deployment, patch, cache).seconds)
        }
        await connection.stop()
        let total = Measure.median(totals)
        let peer = Measure.median(peers)
        for phase in ["read", "plan", "access", "dry-run"] {
            print("\(phase): median \(Measure.fixed(Measure.median(timings.kept[phase] ?? []) * 1000, 1)) ms")
        }
        print(
            "key to diff (read + plan + access review + dry run + diff), median of \(totals.count): "
                + "\(Measure.fixed(total * 1000, 1)) ms (budget 500 ms)")
        print(
            "kubectl patch --dry-run=server (warm discovery cache), median: \(Measure.fixed(peer * 1000, 1)) ms; "
                + "ratio \(Measure.fixed(total / peer))")
    }

    private func kubectlDryRun(
        _ served: ServedCluster, _ namespace: String, _ deployment: String, _ patch: String, _ cache: String
    ) throws -> Measure.Child {
        try Measure.run([
            "kubectl", "--kubeconfig", served.kubeconfig, "--cache-dir", cache, "-n", namespace, "patch",
            "deployment", deployment, "--type", "strategic", "-p", patch, "--dry-run=server", "-o", "name",
        ])
    }
}

/// Collects the phase timings the driver reports and declines anything it is asked.
final class PhaseTimings: RunbookConversation, @unchecked Sendable {
    private let lock = NSLock()
    private var current: [String: Double] = [:]
    private(set) var kept: [String: [Double]] = [:]

    func reset() { lock.withLock { current = [:] } }

    func keep() {
        lock.withLock {
            for (phase, seconds) in current { kept[phase, default: []].append(seconds) }
        }
    }

    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer { .declined }
    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool { false }

    func report(_ progress: RunbookProgress) {
        guard case .timed(let phase, let duration) = progress else { return }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        lock.withLock { current[phase] = seconds }
    }
}
