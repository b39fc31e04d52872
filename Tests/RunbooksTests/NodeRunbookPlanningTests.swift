import ClusterModel
import Foundation
import Runbooks
import Testing

/// Cordon and drain planned from a node's JSON and the pods the API lists on it, the guard rail, the drain's
/// progress model and the executor's drain path: pure, no client.
@Suite("Planning node runbooks")
struct NodeRunbookPlanningTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func readyNode(_ name: String, cordoned: Bool = false, ready: Bool = true) -> NodeSummary {
        NodeSummary(
            name: name, isUnschedulable: cordoned, ready: ConditionSummary(status: ready ? .isTrue : .isFalse))
    }

    static func nodeJSON(_ name: String, cordoned: Bool = false) -> JSONValue {
        var spec: [String: JSONValue] = [:]
        if cordoned { spec["unschedulable"] = true }
        return ["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name)], "spec": .object(spec)]
    }

    /// A pod's JSON on `node-1`: `owner` is its controller's kind (nil: none).
    static func pod(
        _ name: String, owner: String? = "ReplicaSet", emptyDir: Bool = false, mirror: Bool = false,
        deleting: Bool = false
    ) -> JSONValue {
        var metadata: [String: JSONValue] = ["name": .string(name), "namespace": "shop", "uid": .string("uid-\(name)")]
        if let owner {
            metadata["ownerReferences"] = [["kind": .string(owner), "name": "x", "controller": true]]
        }
        if mirror { metadata["annotations"] = ["kubernetes.io/config.mirror": "abc"] }
        if deleting {
            metadata["deletionTimestamp"] = "2027-01-15T08:00:30Z"
            metadata["deletionGracePeriodSeconds"] = 30
        }
        let volumes: JSONValue = emptyDir ? [["name": "cache", "emptyDir": .object([:])]] : []
        return ["metadata": .object(metadata), "spec": ["nodeName": "node-1", "volumes": volumes]]
    }

    static func drain(_ pods: [JSONValue], emptyDir: Bool = false, force: Bool = false) throws(RunbooksError)
        -> DrainPlan
    {
        try DrainPlan.make(
            node: "node-1", pods: pods, deleteEmptyDirData: emptyDir, force: force, gracePeriod: nil,
            skipWaitAfter: 0, timeout: 300)
    }

    @Test func daemonSetAndMirrorPodsStayAndTerminatingPodsAreWaitedFor() throws {
        let plan = try Self.drain([
            Self.pod("web-1"), Self.pod("proxy-1", owner: "DaemonSet"), Self.pod("etcd", owner: "Node", mirror: true),
            Self.pod("web-2", deleting: true),
        ])
        #expect(plan.evictions.map(\.pod.name) == ["web-1"])
        #expect(plan.evictions.first?.write.path(dryRun: false) == "/api/v1/namespaces/shop/pods/web-1/eviction")
        #expect(plan.evictions.first?.write.body?[path: ["deleteOptions", "preconditions", "uid"]] == "uid-web-1")
        #expect(plan.skipped.map(\.reason) == ["mirror pod (the kubelet runs it from a file)", "DaemonSet-managed"])
        #expect(plan.terminating[ObjectKey(namespace: "shop", name: "web-2")] == KubeTime.parse("2027-01-15T08:00:00Z"))
    }

    @Test(
        arguments: [
            (
                false, false,
                "cannot evict pods with local storage (set delete_emptydir_data=true to override): shop/cache-1; "
                    + "cannot evict pods that declare no controller (set force=true to override): shop/bare"
            ),
            (true, false, "cannot evict pods that declare no controller (set force=true to override): shop/bare"),
            (
                false, true,
                "cannot evict pods with local storage (set delete_emptydir_data=true to override): shop/cache-1"
            ),
            (true, true, nil),
        ] as [(Bool, Bool, String?)])
    func emptyDirDataAndUnmanagedPodsNeedKubectlsFlags(_ emptyDir: Bool, _ force: Bool, _ refusal: String?) {
        let pods = [Self.pod("cache-1", emptyDir: true), Self.pod("bare", owner: nil)]
        do {
            let plan = try Self.drain(pods, emptyDir: emptyDir, force: force)
            #expect(refusal == nil)
            #expect(plan.evictions.count == 2)
        } catch {
            #expect(refusal.map { error.description.contains($0) } == true, "\(error)")
        }
    }

    @Test(
        arguments: [
            (["node-1", "node-2", "node-3", "node-4"], [String](), "node-1", nil),
            (
                ["node-1", "node-2", "node-3", "node-4"], ["node-2"], "node-1",
                "would leave 2 of 4 Ready nodes schedulable"
            ),
            (["node-1", "node-2", "node-3"], [], "node-1", nil),
            (["node-1", "node-2"], [], "node-1", "would leave 1 of 2 Ready nodes schedulable"),
            (["node-1", "node-2", "node-3"], ["node-1"], "node-1", nil),
        ] as [([String], [String], String, String?)])
    func theGuardRailCountsReadySchedulableNodes(
        _ nodes: [String], _ cordoned: [String], _ target: String, _ refusal: String?
    ) {
        let snapshot = ClusterSnapshot(nodes: nodes.map { Self.readyNode($0, cordoned: cordoned.contains($0)) })
        let answer = NodeGuard(node: target).refusal(in: snapshot)
        #expect(answer.map { text in refusal.map { text.contains($0) } == true } ?? (refusal == nil), "\(answer ?? "")")
    }

    @Test func aNotReadyNodeIsNotCountedAndFractionsParse() throws {
        let snapshot = ClusterSnapshot(nodes: [
            Self.readyNode("node-1"), Self.readyNode("node-2"), Self.readyNode("node-3", ready: false),
        ])
        #expect(NodeGuard(node: "node-3").refusal(in: snapshot) == nil, "2 of 2 Ready nodes stay schedulable")
        #expect(try NodeGuard(node: "n", parsing: "0.5").fraction == 0.5)
        #expect(try NodeGuard(node: "n", parsing: "3/4").fraction == 0.75)
        #expect(throws: RunbooksError.self) { try NodeGuard(node: "n", parsing: "3/2") }
    }

    @Test func cordonPatchesAsKubectlAndAnAlreadyCordonedNodeIsAResult() throws {
        let snapshot = ClusterSnapshot(nodes: (1...4).map { Self.readyNode("node-\($0)") })
        let target = RunbookTarget(kind: .node, namespace: "", name: "node-2")
        let cordon = try SampleWorkloads.builtIn("cordon")
        let plan = try RunbookPlanner.plan(
            cordon,
            PlanningInput(
                target: target, snapshot: snapshot, objects: [target.object: Self.nodeJSON("node-2")], now: Self.now))
        #expect(plan.steps.first?.write.body?.serialized() == #"{"spec":{"unschedulable":true}}"#)
        #expect(plan.rollback.first?.body?.serialized() == #"{"spec":{"unschedulable":null}}"#)
        #expect(plan.nodeGuard == NodeGuard(node: "node-2"))
        let again = try RunbookPlanner.plan(
            cordon,
            PlanningInput(
                target: target, snapshot: snapshot, objects: [target.object: Self.nodeJSON("node-2", cordoned: true)],
                now: Self.now))
        #expect(again.steps.isEmpty && again.alreadyDone == "node node-2 is already cordoned")
        var machine = RunbookExecution(plan: again)
        #expect(
            machine.handle(.start) == [
                .finish(RunbookResult(.unchanged, "nothing to do: node node-2 is already cordoned"))
            ])
    }

    @Test func aNodeWhosePodsAreAllTerminatingIsStillWaitedFor() throws {
        let snapshot = ClusterSnapshot(nodes: (1...4).map { Self.readyNode("node-\($0)") })
        let target = RunbookTarget(kind: .node, namespace: "", name: "node-1")
        var input = PlanningInput(
            target: target, snapshot: snapshot, objects: [target.object: Self.nodeJSON("node-1", cordoned: true)],
            now: Self.now)
        input.podsOnNode = [Self.pod("web-2", deleting: true), Self.pod("proxy-1", owner: "DaemonSet")]
        let plan = try RunbookPlanner.plan(try SampleWorkloads.builtIn("drain"), input)
        #expect(plan.steps.map(\.kind) == [.evictPods], "already cordoned: only the wait")
        #expect(plan.steps.first?.drain?.terminating.keys.map(\.name) == ["web-2"])
        #expect(plan.notes.first == "node node-1 is already cordoned")
        input.podsOnNode = [Self.pod("proxy-1", owner: "DaemonSet")]
        let empty = try RunbookPlanner.plan(try SampleWorkloads.builtIn("drain"), input)
        #expect(empty.alreadyDone == "node node-1 is already cordoned; node node-1 has no pods to evict")
    }

    @Test func theExecutorChecksTheGuardBeforeEachStepAndRunsTheDrain() throws {
        let snapshot = ClusterSnapshot(nodes: (1...4).map { Self.readyNode("node-\($0)") })
        let target = RunbookTarget(kind: .node, namespace: "", name: "node-1")
        var input = PlanningInput(
            target: target, snapshot: snapshot, objects: [target.object: Self.nodeJSON("node-1")], now: Self.now)
        input.podsOnNode = [Self.pod("web-1"), Self.pod("web-2")]
        let plan = try RunbookPlanner.plan(try SampleWorkloads.builtIn("drain"), input)
        #expect(plan.steps.map(\.kind) == [.cordon, .evictPods])
        #expect(plan.confirmation == .typeName("node-1"))
        #expect(plan.accessChecks.map(\.description).contains { $0.contains("pods/eviction") }, "\(plan.accessChecks)")
        let allowed = plan.accessChecks.map { AccessDecision(attributes: $0, allowed: true) }
        var machine = RunbookExecution(plan: plan)
        _ = machine.handle(.start)
        #expect(machine.handle(.accessChecked(allowed)) == [.dryRun(step: 0, plan.steps[0].write)])
        let confirm = machine.handle(
            .dryRunSucceeded(step: 0, KubeWriteResponse(status: 200, body: Self.nodeJSON("node-1", cordoned: true))))
        #expect(RunbookExecutionTests.kinds(confirm) == ["confirm"], "the evictions are not dry-run one by one")
        let guarded = machine.handle(.confirmed(typed: "node-1"))
        #expect(guarded == [.checkGuard(step: 0, NodeGuard(node: "node-1"))])
        #expect(
            RunbookExecutionTests.kinds(machine.handle(.guardChecked(step: 0, refusal: nil))) == [
                "record confirmed intent", "apply",
            ])
        let next = machine.handle(.applySucceeded(step: 0, KubeWriteResponse(status: 200, body: nil)))
        #expect(RunbookExecutionTests.kinds(next) == ["record result", "checkGuard"])
        #expect(
            machine.handle(.guardChecked(step: 1, refusal: nil)) == [.drain(step: 1, try #require(plan.steps[1].drain))]
        )
        let done = machine.handle(.drained(step: 1, .completed(summary: "evicted 2 pods from node node-1")))
        #expect(RunbookExecutionTests.kinds(done) == ["record finished", "finish applied"])
        #expect(RunbookExecutionTests.result(done)?.message == "drained: evicted 2 pods from node node-1")

        var refused = RunbookExecution(plan: plan)
        _ = refused.handle(.start)
        _ = refused.handle(.accessChecked(allowed))
        _ = refused.handle(.dryRunSucceeded(step: 0, KubeWriteResponse(status: 200, body: nil)))
        _ = refused.handle(.confirmed(typed: "node-1"))
        let no = refused.handle(.guardChecked(step: 0, refusal: "would leave 2 of 4 Ready nodes schedulable"))
        #expect(RunbookExecutionTests.kinds(no) == ["finish refused"], "refused before anything was sent or recorded")
    }

    @Test func drainProgressCountsBlocksWithBackOffAndSaysWhatItWaitsFor() throws {
        let plan = try Self.drain([Self.pod("web-1"), Self.pod("web-2"), Self.pod("web-3")])
        var progress = DrainProgress(plan: plan, startedAt: Self.now)
        let (one, two, three) = (plan.evictions[0].pod, plan.evictions[1].pod, plan.evictions[2].pod)
        #expect(progress.due(at: Self.now) == [one, two, three])
        for pod in [one, two, three] { progress.sending(pod, at: Self.now) }
        progress.evicted(one, at: Self.now.addingTimeInterval(1))
        progress.evicted(two, at: Self.now.addingTimeInterval(1))
        let message = "TooManyRequests: Cannot evict pod as it would violate the pod's disruption budget."
        progress.blocked(three, budget: "web-pdb", message: message, at: Self.now)
        #expect(progress.due(at: Self.now.addingTimeInterval(4)).isEmpty)
        #expect(progress.due(at: Self.now.addingTimeInterval(5)) == [three])
        progress.blocked(three, budget: "web-pdb", message: message, at: Self.now.addingTimeInterval(5))
        #expect(progress.due(at: Self.now.addingTimeInterval(14)).isEmpty, "then 10 s")
        var asked = progress
        asked.blocked(three, budget: "web-pdb", message: message, retryAfter: 60, at: Self.now.addingTimeInterval(15))
        #expect(asked.due(at: Self.now.addingTimeInterval(74)).isEmpty, "the server's Retry-After when longer")
        #expect(asked.due(at: Self.now.addingTimeInterval(75)) == [three])
        #expect(
            progress.counts == DrainProgress.Counts(evicted: 0, terminating: 2, waiting: 0, blocked: ["web-pdb": 1]))
        #expect(
            progress.lines(at: Self.now.addingTimeInterval(65)) == [
                "evicted 0/3, terminating 2, waiting 0, blocked 1",
                "blocked by PodDisruptionBudget web-pdb: 1 pod(s), retried with back-off (\(message))",
                "oldest wait: shop/web-3 for 1m5s (blocked by PodDisruptionBudget web-pdb)",
            ])
        var gone = ClusterSnapshot(nodes: [Self.readyNode("node-1")])
        progress.observe(gone, at: Self.now.addingTimeInterval(66))
        #expect(progress.counts.evicted == 2 && !progress.isFinished)
        #expect(
            progress.summary
                == "evicted 2 pods from node node-1; not evicted: 1 (shop/web-3: blocked by PodDisruptionBudget web-pdb)"
        )
        progress.evicted(three, at: Self.now.addingTimeInterval(70))
        // A StatefulSet-like replacement of the same name on the same node is another pod: web-3 is gone.
        gone = ClusterSnapshot(
            nodes: [Self.readyNode("node-1", ready: false)],
            pods: [PodSummary(namespace: "shop", name: "web-3", uid: "uid-new", nodeName: "node-1")])
        progress.observe(gone, at: Self.now.addingTimeInterval(70))
        #expect(progress.isFinished && progress.summary == "evicted 3 pods from node node-1")
    }

    @Test func onANotReadyNodeTheDrainSaysTheDeletionWaitsForTheKubelet() throws {
        var plan = try Self.drain([Self.pod("web-1")])
        plan.skipWaitAfter = 60
        var progress = DrainProgress(plan: plan, startedAt: Self.now, isNodeReady: false)
        progress.evicted(plan.evictions[0].pod, at: Self.now)
        let stillThere = ClusterSnapshot(
            nodes: [Self.readyNode("node-1", ready: false)],
            pods: [PodSummary(namespace: "shop", name: "web-1", uid: "uid-web-1", nodeName: "node-1")])
        progress.observe(stillThere, at: Self.now.addingTimeInterval(30))
        #expect(
            progress.lines(at: Self.now.addingTimeInterval(30)).last
                == "node node-1 is NotReady: its 1 terminating pod(s) stay until its kubelet confirms they stopped; "
                + "set skip_wait_for_delete_timeout to stop waiting after that many seconds")
        #expect(!progress.isFinished)
        progress.observe(stillThere, at: Self.now.addingTimeInterval(61))
        #expect(progress.isFinished, "skip_wait_for_delete_timeout: deletion began over 60 s ago")
    }
}
