import ArgumentParser
import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import Timeline

/// A drain of a node with 110 pods against the simulator: the runbook engine (plan, access reviews, cordon, an
/// eviction per pod each recorded in a real journal, waiting until every pod is gone) beside `kubectl drain` of an
/// identical node of the same cluster, in the same run.
struct DrainBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drain", abstract: "Time the drain runbook on a 110-pod node beside kubectl drain on its twin.")

    @Option(help: "Runs (a fresh cluster each; medians are reported).") var runs = 5
    @Option(help: "Pods on each node.") var podsPerNode = 110

    func run() async throws {
        var ours: [Double] = []
        var peers: [Double] = []
        for run in 0..<max(1, runs) {
            // Six nodes: two drained, four left schedulable (the guard rail keeps 2/3).
            let served = try await ServedCluster.serve(try ServedCluster.scale(nodes: 6, pods: 6 * podsPerNode))
            let clock = Task { await served.cluster.run(speed: 1) }
            let (kubectlNode, firebreakNode) =
                run % 2 == 0 ? ("node-00000", "node-00001") : ("node-00001", "node-00000")
            // Alternate who goes first, so neither always meets the other's replacements being scheduled.
            if run % 2 == 0 {
                peers.append(try kubectlDrain(served, kubectlNode))
                ours.append(try await firebreakDrain(served, firebreakNode))
            } else {
                ours.append(try await firebreakDrain(served, firebreakNode))
                peers.append(try kubectlDrain(served, kubectlNode))
            }
            clock.cancel()
            await served.stop()
            print(
                "run \(run + 1): drain runbook \(Measure.fixed(ours.last ?? 0)) s, kubectl drain "
                    + "\(Measure.fixed(peers.last ?? 0)) s")
        }
        let (total, peer) = (Measure.median(ours), Measure.median(peers))
        print(
            "drain of a \(podsPerNode)-pod node, median of \(ours.count): runbook \(Measure.fixed(total)) s, "
                + "kubectl drain \(Measure.fixed(peer)) s; ratio \(Measure.fixed(total / peer)) (budget 1.2)")
    }

    private func kubectlDrain(_ served: ServedCluster, _ node: String) throws -> Double {
        let child = try Measure.run([
            "kubectl", "--kubeconfig", served.kubeconfig, "--cache-dir",
            served.folder.appendingPathComponent("kubectl-cache").path, "drain", node, "--ignore-daemonsets",
            "--delete-emptydir-data", "--force", "--timeout=300s",
        ])
        guard try remaining(served, node) == 0 else { throw ValidationError("kubectl drain left pods on \(node)") }
        return child.seconds
    }

    /// The drain runbook through the engine, from the runbook key (the console's view of the cluster is synced).
    private func firebreakDrain(_ served: ServedCluster, _ node: String) async throws -> Double {
        let endpoint = try served.endpoint()
        let connection = try ClusterConnection(endpoint: endpoint, metricsInterval: nil)
        await connection.start()
        let store = await connection.store
        await store.waitUntilSynced(ResourceKind.watched)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent(
            "firebreak-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let journal = try SQLiteJournal(directory: StateDirectory(path: state.path))
        let driver = RunbookDriver(
            client: await connection.client, store: store, clock: { Date() },
            recorder: JournalActionRecorder(journal: journal, context: endpoint.contextName),
            conversation: TypesTheName(name: node), context: endpoint.contextName)
        let runbookPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("runbooks/drain.yaml").path
        guard let runbook = RunbookFiles.load(runbookPath).runbook else {
            throw ValidationError("cannot load \(runbookPath)")
        }
        var result: RunbookResult?
        let seconds = await Measure.seconds {
            result = await driver.run(runbook, target: RunbookTarget(kind: .node, namespace: "", name: node)).result
        }
        await connection.stop()
        guard result?.status == .applied else { throw ValidationError("the drain ended \(String(describing: result))") }
        guard try remaining(served, node) == 0 else { throw ValidationError("the drain left pods on \(node)") }
        return seconds
    }

    /// Pods still on `node`, as kubectl lists them.
    private func remaining(_ served: ServedCluster, _ node: String) throws -> Int {
        try Measure.run([
            "kubectl", "--kubeconfig", served.kubeconfig, "--cache-dir",
            served.folder.appendingPathComponent("kubectl-cache").path, "get", "pods", "-A", "--no-headers",
            "--field-selector", "spec.nodeName=\(node)",
        ]).stdoutLines
    }
}

/// The engineer who types the node's name and watches.
struct TypesTheName: RunbookConversation {
    let name: String

    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer { .accepted(typed: name) }
    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool { false }
    func report(_ progress: RunbookProgress) {}
}
