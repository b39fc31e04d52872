import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import TestSupport
import Testing

/// Cordon, uncordon and drain on the runbook engine against the simulator over HTTPS: kubectl sees the changes,
/// budgets are honoured and named, the guard rail refuses, cancelling leaves the node cordoned.
@Suite("Node runbooks over HTTPS", .serialized)
struct NodeRunbookTests {
    static func node(_ name: String) -> RunbookTarget { RunbookTarget(kind: .node, namespace: "", name: name) }

    static func unschedulable(_ live: LiveCluster, _ node: String) throws -> String {
        try live.kubectl(["get", "node", node, "-o", "jsonpath={.spec.unschedulable}"])
    }

    /// The owner kinds of the pods on `node`, as kubectl lists them.
    static func ownerKinds(_ live: LiveCluster, on node: String) throws -> [String] {
        try live.kubectl([
            "get", "pods", "-A", "--field-selector", "spec.nodeName=\(node)", "-o",
            "jsonpath={range .items[*]}{.metadata.ownerReferences[0].kind}{\"\\n\"}{end}",
        ]).split(separator: "\n").map(String.init)
    }

    /// The node running a pod of `app` in `namespace`.
    static func node(running app: String, in namespace: String, _ live: LiveCluster) async -> String? {
        await live.connection.store.snapshot().pods.values.first {
            $0.namespace == namespace && $0.labels["app"] == app && $0.deletionTimestamp == nil
        }?.nodeName
    }

    /// Makes checkout's budget allow no disruption (2 of its 2 pods must stay up).
    static func blockCheckout(_ live: LiveCluster) async throws {
        _ = try live.kubectl([
            "-n", "shop", "patch", "pdb", "checkout-pdb", "--type", "merge", "-p", #"{"spec":{"minAvailable":2}}"#,
        ])
        _ = try await live.advance(upTo: 60, step: 5) {
            await live.connection.store.snapshot().podDisruptionBudgets[
                ObjectKey(namespace: "shop", name: "checkout-pdb")]?
                .disruptionsAllowed == 0
        }
    }

    @Test func cordonAndUncordonAreSeenByKubectlAndRepeatingIsAResult() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(
                ScriptedEngineer(answers: [.accepted(typed: nil)]), recordsIn: folder.path)
            let cordon = await driver.run(try LiveCluster.runbook("cordon"), target: Self.node("node-2"))
            #expect(cordon.result.status == .applied, "\(cordon.result)")
            #expect(try Self.unschedulable(live, "node-2") == "true")
            let again = await driver.run(try LiveCluster.runbook("cordon"), target: Self.node("node-2"))
            #expect(again.result.status == .unchanged && again.result.isSuccess)
            #expect(again.result.message == "nothing to do: node node-2 is already cordoned")
            let uncordon = try await live.driver(ScriptedEngineer(), recordsIn: folder.path)
                .run(try LiveCluster.runbook("uncordon"), target: Self.node("node-2"))
            #expect(uncordon.result.status == .applied, "\(uncordon.result)")
            #expect(try Self.unschedulable(live, "node-2") == "")
            let records = try await LiveCluster.recorder(in: folder.path).records(of: try #require(cordon.actionID))
            #expect(records.map(\.kind) == [.intent, .result, .finished])
            #expect(records.first?.body?.serialized() == #"{"spec":{"unschedulable":true}}"#, "kubectl cordon's body")
            #expect(records.first?.path == "/api/v1/nodes/node-2?fieldManager=firebreak")
            let undo = try await LiveCluster.recorder(in: folder.path).records(of: try #require(uncordon.actionID))
            #expect(undo.first?.body?.serialized() == #"{"spec":{"unschedulable":null}}"#, "kubectl uncordon's body")
        }
    }

    @Test func aDrainEvictsEveryPodButDaemonSetsAndRecordsEachEviction() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let node = try #require(await Self.node(running: "frontend", in: "shop", live))
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer(answers: [.accepted(typed: node)])
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("drain")
            let run = try await live.runWhileAdvancing(step: 2) { await driver.run(runbook, target: Self.node(node)) }
            #expect(run.result.status == .applied, "\(run.result)")
            #expect(run.result.message.hasPrefix("drained: evicted "), "\(run.result.message)")
            #expect(try Self.unschedulable(live, node) == "true")
            let kinds = try Self.ownerKinds(live, on: node)
            #expect(!kinds.isEmpty && kinds.allSatisfy { $0 == "DaemonSet" }, "only DaemonSet pods stay: \(kinds)")
            let preview = try #require(engineer.previews.first)
            #expect(preview.plan.confirmation == .typeName(node))
            #expect(preview.plan.notes.contains { $0.hasPrefix("leaves ") && $0.hasSuffix("DaemonSet-managed") })
            let records = try await LiveCluster.recorder(in: folder.path).records(of: try #require(run.actionID))
            let evictions = records.filter { $0.kind == .intent && $0.step?.hasPrefix("evict pod ") == true }
            let last = try #require(engineer.drainReports.last)
            #expect(evictions.count >= last.counts.evicted && last.counts.evicted > 0)
            #expect(evictions.allSatisfy { $0.method == "POST" && $0.path?.hasSuffix("/eviction") == true })
            #expect(records.first?.confirmation == node && records.first?.step == "cordon the node")
            #expect(records.filter { $0.kind == .result }.count == records.filter { $0.kind == .intent }.count)
        }
    }

    @Test func aDrainBlockedByABudgetNamesItAndTimesOutCleanly() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            try await Self.blockCheckout(live)
            let node = try #require(await Self.node(running: "checkout", in: "shop", live))
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer(answers: [.accepted(typed: node)])
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("drain")
            let run = try await live.runWhileAdvancing { await driver.run(runbook, target: Self.node(node)) }
            #expect(run.result.status == .failed, "\(run.result)")
            #expect(run.result.message.hasPrefix("the drain timed out after 5m: evicted "), "\(run.result.message)")
            #expect(run.result.message.contains("blocked by PodDisruptionBudget checkout-pdb"))
            #expect(run.result.message.hasSuffix("the node stays cordoned"))
            let lines = try #require(engineer.drainReports.last).lines(at: live.clock.now)
            #expect(
                lines.contains(
                    "blocked by PodDisruptionBudget checkout-pdb: 1 pod(s), retried with back-off (TooManyRequests: "
                        + "Cannot evict pod as it would violate the pod's disruption budget. The disruption budget "
                        + "checkout-pdb needs 2 healthy pods and has 2 currently)"), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("oldest wait: shop/checkout-") && $0.contains("checkout-pdb") })
            #expect(try Self.unschedulable(live, node) == "true")
            let ready = try live.kubectl([
                "-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.status.readyReplicas}",
            ])
            #expect(ready == "2", "never forced: both checkout pods still run")
        }
    }

    @Test func aCancelledDrainLeavesTheNodeCordonedAndSaysWhatWasEvicted() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            try await Self.blockCheckout(live)
            let node = try #require(await Self.node(running: "checkout", in: "shop", live))
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer(
                answers: [.accepted(typed: node)],
                cancelWhen: { progress in
                    guard case .draining(let drain, _) = progress else { return false }
                    return !drain.counts.blocked.isEmpty
                })
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("drain")
            let run = try await live.runWhileAdvancing(step: 1) { await driver.run(runbook, target: Self.node(node)) }
            #expect(run.result.status == .cancelled, "\(run.result)")
            #expect(run.result.message.hasPrefix("stopped on request: evicted "), "\(run.result.message)")
            #expect(
                run.result.message.contains("not evicted: 1 (shop/checkout-")
                    && run.result.message.hasSuffix(
                        "blocked by PodDisruptionBudget checkout-pdb); the node stays cordoned"),
                "\(run.result.message)")
            #expect(try Self.unschedulable(live, node) == "true")
        }
    }

    @Test func theGuardRailRefusesWhenTooFewNodesWouldStaySchedulable() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            _ = try live.kubectl(["cordon", "node-1"])
            try await eventually("the store sees node-1 cordoned", timeout: 10) {
                await live.connection.store.snapshot().nodes[ObjectKey(namespace: "", name: "node-1")]?.isUnschedulable
                    == true
            }
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(ScriptedEngineer(), recordsIn: folder.path)
            let run = await driver.run(try LiveCluster.runbook("cordon"), target: Self.node("node-2"))
            #expect(run.result.status == .refused)
            #expect(
                run.result.message.contains(
                    "taking node node-2 out of scheduling would leave 2 of 4 Ready nodes schedulable, fewer than 2/3"),
                "\(run.result.message)")
            #expect(try Self.unschedulable(live, "node-2") == "")
        }
    }

    @Test func theGuardRailIsCheckedAgainBeforeEachStep() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let folder = try TemporaryDirectory()
            // While the engineer reads the preview, someone else cordons node-1.
            let engineer = ScriptedEngineer(answers: [.accepted(typed: "node-2")]) { _ in
                _ = try? live.kubectl(["cordon", "node-1"])
                try? await eventually("the store sees node-1 cordoned", timeout: 10) {
                    await live.connection.store.snapshot().nodes[ObjectKey(namespace: "", name: "node-1")]?
                        .isUnschedulable == true
                }
            }
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let run = await driver.run(try LiveCluster.runbook("drain"), target: Self.node("node-2"))
            #expect(run.result.status == .refused, "\(run.result)")
            #expect(run.result.message.contains("would leave 2 of 4 Ready nodes schedulable"), "\(run.result.message)")
            #expect(try Self.unschedulable(live, "node-2") == "", "refused before the cordon was sent")
        }
    }

    @Test func theLeakingNodesPodsMoveOffIt() async throws {
        try await LiveCluster.with("kubelet-memory-leak") { live in
            let node = "node-3"
            let pressure = try await live.advance(upTo: 720, step: 15) {
                await live.connection.store.snapshot().nodes[ObjectKey(namespace: "", name: node)]?.memoryPressure?
                    .status == .isTrue
            }
            #expect(pressure, "node-3 reports MemoryPressure")
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer(answers: [.accepted(typed: node)])
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("drain")
            let run = try await live.runWhileAdvancing(step: 2) { await driver.run(runbook, target: Self.node(node)) }
            #expect(run.result.status == .applied, "\(run.result)")
            let kinds = try Self.ownerKinds(live, on: node)
            #expect(kinds.allSatisfy { $0 == "DaemonSet" }, "only DaemonSet pods stay on the leaking node: \(kinds)")
            try await live.advance(seconds: 20, step: 5)
            let moved = await live.connection.store.snapshot().pods.values.filter {
                $0.namespace == "shop" && $0.deletionTimestamp == nil
            }
            #expect(!moved.isEmpty && moved.allSatisfy { $0.nodeName != node && $0.nodeName != nil })
        }
    }

    @Test func aDrainOfANotReadyNodeSaysItsPodsDeletionWaitsForTheKubeletUntilTheChosenTimeout() async throws {
        try await LiveCluster.with("kubelet-memory-leak") { live in
            let node = "node-3"
            let notReady = try await live.advance(upTo: 900, step: 15) {
                await live.connection.store.snapshot().nodes[ObjectKey(namespace: "", name: node)]?.ready?.status
                    != .isTrue
            }
            #expect(notReady, "the leak takes node-3's kubelet down")
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer(answers: [.accepted(typed: node)])
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("drain")
            // Its kubelet is gone, so evicted pods stay Terminating: the engineer chose to stop waiting after 30 s
            // (kubectl's --skip-wait-for-delete-timeout).
            let run = try await live.runWhileAdvancing(step: 1) {
                await driver.run(runbook, target: Self.node(node), settings: ["skip_wait_after": "30s"])
            }
            #expect(run.result.status == .applied, "\(run.result)")
            let waiting = engineer.drainReports.last { !$0.isNodeReady && $0.counts.terminating > 0 }
            let lines = try #require(waiting).lines(at: live.clock.now)
            #expect(
                lines.contains { $0.hasPrefix("node node-3 is NotReady: its ") && $0.contains("kubelet confirms") },
                "\(lines)")
            #expect(lines.contains { $0.contains("its kubelet cannot confirm the deletion") }, "\(lines)")
        }
    }
}

/// `firebreak runbook run drain` as a separate process: progress lines while it waits, Ctrl-C to stop.
@Suite("firebreak runbook run drain end to end", .serialized)
struct DrainCommandTests {
    @Test func headlessDrainShowsWhatBlocksItAndCtrlCLeavesTheNodeCordoned() async throws {
        let served = try await ServedSimulator.start(try SimCluster(scenario: "coredns-dns-spike", start: Date()))
        defer { Task { await served.stop() } }
        let clock = Task { await served.cluster.run(speed: 5) }
        defer { clock.cancel() }
        _ = try RunbookCommandTests.kubectl(
            served,
            ["-n", "shop", "patch", "pdb", "checkout-pdb", "--type", "merge", "-p", #"{"spec":{"minAvailable":2}}"#])
        try await eventually("the budget allows no disruption", timeout: 20) {
            try RunbookCommandTests.kubectl(
                served, ["-n", "shop", "get", "pdb", "checkout-pdb", "-o", "jsonpath={.status.disruptionsAllowed}"])
                == "0"
        }
        let node = try RunbookCommandTests.kubectl(
            served, ["-n", "shop", "get", "pods", "-l", "app=checkout", "-o", "jsonpath={.items[0].spec.nodeName}"])
        let state = try TemporaryDirectory()
        let run = try FirebreakProcess([
            "runbook", "run", "drain", "--target", "node/\(node)", "--yes", "--json", "--kubeconfig",
            served.kubeconfigPath, "--state-dir", state.path,
        ])
        defer { run.terminate() }
        try await eventually("a progress line naming the budget", timeout: 60) {
            run.jsonLines.contains { line in
                line["event"] as? String == "drain" && (line["blocked"] as? [String: Any])?["checkout-pdb"] != nil
            }
        }
        let progress = try #require(run.jsonLines.last { $0["event"] as? String == "drain" })
        #expect(
            (progress["lines"] as? [String])?.contains {
                $0.hasPrefix("blocked by PodDisruptionBudget checkout-pdb: 1 pod(s)")
                    && $0.contains("needs 2 healthy pods and has 2 currently")
            } == true, "\(progress)")
        run.process.interrupt()
        #expect(try await run.wait() == 1)
        let result = try #require(run.jsonLines.last)
        #expect(result["status"] as? String == "cancelled", "\(run.stdout)")
        let message = result["message"] as? String ?? ""
        #expect(message.contains("not evicted: 1 (shop/checkout-") && message.hasSuffix("the node stays cordoned"))
        #expect(
            try RunbookCommandTests.kubectl(served, ["get", "node", node, "-o", "jsonpath={.spec.unschedulable}"])
                == "true")
        let show = try FirebreakProcess(["incident", "show", "--state-dir", state.path])
        #expect(try await show.wait() == 0)
        #expect(show.lines.contains { $0.contains("action-intent") && $0.contains("drain: evict pod shop/checkout-") })
        #expect(show.lines.contains { $0.contains("action-result") && $0.contains("HTTP 429") })
    }
}
