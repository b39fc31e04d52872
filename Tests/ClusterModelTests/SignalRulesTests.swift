import Foundation
import Testing

@testable import ClusterModel

@Suite("Signal rules")
struct SignalRulesTests {
    let now = referenceNow
    let thresholds = SignalThresholds()

    func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    func pod(
        _ name: String, phase: String = "Running", created: Date? = nil, reason: String? = nil,
        statuses: [ContainerStatusSummary] = [], limit: Int64? = 170 << 20
    ) -> PodSummary {
        PodSummary(
            namespace: "demo", name: name, nodeName: "node-a", phase: phase, reason: reason,
            createdAt: created ?? ago(3600),
            containers: [
                ContainerSpecSummary(
                    name: "app", resources: ContainerResources(cpuLimitMillis: 500, memoryLimitBytes: limit))
            ],
            containerStatuses: statuses)
    }

    func detect(_ current: ClusterSnapshot, previous: ClusterSnapshot? = nil, metrics: MetricsSnapshot = .empty)
        -> [Observation]
    {
        SignalRules.detect(previous: previous, current: current, metrics: metrics, now: now, thresholds: thresholds)
    }

    // MARK: OOM

    static let oomCases: [(String, ContainerState, ContainerState, ObservationKind?, Severity?)] = [
        (
            "lastState OOMKilled", .waiting(reason: "CrashLoopBackOff", message: nil),
            .terminated(
                Termination(reason: "OOMKilled", exitCode: 137, finishedAt: referenceNow.addingTimeInterval(-60))),
            .oomKilled, .critical
        ),
        (
            "final run OOMKilled",
            .terminated(Termination(reason: "OOMKilled", exitCode: 137, finishedAt: referenceNow)), .none, .oomKilled,
            .critical
        ),
        (
            "exit 137 reason Error", .running(startedAt: nil),
            .terminated(Termination(reason: "Error", exitCode: 137, finishedAt: referenceNow.addingTimeInterval(-60))),
            .possibleOOM, .warning
        ),
        ("exit 1 Error", .running(startedAt: nil), .terminated(Termination(reason: "Error", exitCode: 1)), nil, nil),
        (
            "OOM long ago", .running(startedAt: nil),
            .terminated(
                Termination(reason: "OOMKilled", exitCode: 137, finishedAt: referenceNow.addingTimeInterval(-7200))),
            nil, nil
        ),
    ]

    @Test(arguments: oomCases)
    func oomKillsAreDetectedFromContainerState(
        name: String, state: ContainerState, last: ContainerState,
        kind: ObservationKind?, severity: Severity?
    ) {
        let status = ContainerStatusSummary(name: "app", ready: false, restartCount: 1, state: state, lastState: last)
        let found = detect(ClusterSnapshot(pods: [pod("web", statuses: [status])])).filter {
            $0.kind == .oomKilled || $0.kind == .possibleOOM
        }
        #expect(found.first?.kind == kind, "\(name)")
        #expect(found.first?.severity == severity, "\(name)")
    }

    /// A container in back-off after its kill has no working set; the 0 a scrape reports for it is not "working set 0".
    @Test func anOOMKilledContainerWaitingToRestartShowsNoWorkingSetOfZero() throws {
        let metrics = MetricsSnapshot(containers: [
            ContainerRef(namespace: "demo", pod: "web", container: "app"): ContainerUsage(workingSetBytes: 0)
        ])
        let status = ContainerStatusSummary(
            name: "app", ready: false, restartCount: 1,
            state: .waiting(reason: "CrashLoopBackOff", message: nil),
            lastState: .terminated(Termination(reason: "OOMKilled", exitCode: 137, finishedAt: ago(60))))
        let result = SignalRules.evaluate(
            previous: nil, current: ClusterSnapshot(pods: [pod("web", statuses: [status])]),
            metrics: metrics, history: SignalHistory(), now: now, thresholds: thresholds)
        let oom = try #require(result.observations.first { $0.kind == .oomKilled })
        #expect(oom.summary == "OOMKilled 1× in 1m at limit 170Mi")
        #expect(oom.evidence["workingSet"] == nil)
    }

    @Test func repeatedOOMKillsAreOneObservationWhoseCountGrowsAndOutlivesThePod() throws {
        var history = SignalHistory()
        let metrics = MetricsSnapshot(containers: [
            ContainerRef(namespace: "demo", pod: "web", container: "app"):
                ContainerUsage(workingSetBytes: 169 << 20)
        ])
        var last: [Observation] = []
        for (i, minute) in [10.0, 6, 2].enumerated() {
            let finished = ago(minute * 60)
            let status = ContainerStatusSummary(
                name: "app", ready: false, restartCount: i + 1,
                state: .running(startedAt: finished),
                lastState: .terminated(Termination(reason: "OOMKilled", exitCode: 137, finishedAt: finished)))
            let result = SignalRules.evaluate(
                previous: nil, current: ClusterSnapshot(pods: [pod("web", statuses: [status])]),
                metrics: metrics, history: history, now: now, thresholds: thresholds)
            history = result.history
            last = result.observations.filter { $0.kind == .oomKilled }
        }
        #expect(last.count == 1)
        let oom = try #require(last.first)
        #expect(oom.id == "oomKilled/demo/web/app")
        #expect(oom.count == 3)
        #expect(
            oom.firstSeen == ago(600) && oom.lastSeen == ago(120),
            "first and last kill, not the time of the pass (the Signals pane's age reads it)")
        #expect(oom.summary == "OOMKilled 3× in 10m at limit 170Mi, working set 169Mi")
        #expect(oom.evidence["exitCode"] == "137")
        #expect(oom.subject == ObservationSubject(kind: "Pod", namespace: "demo", name: "web", container: "app"))
        // The pod is replaced: the OOM stays visible (inactive) within the retention window, then goes.
        let gone = SignalRules.evaluate(
            previous: nil, current: ClusterSnapshot(), metrics: .empty, history: history,
            now: now.addingTimeInterval(60), thresholds: thresholds)
        #expect(gone.observations.first { $0.id == "oomKilled/demo/web/app" }?.isActive == false)
        let expired = SignalRules.evaluate(
            previous: nil, current: ClusterSnapshot(), metrics: .empty, history: gone.history,
            now: now.addingTimeInterval(thresholds.retention + 60), thresholds: thresholds)
        #expect(expired.observations.isEmpty)
    }

    @Test(arguments: ["SystemOOM", "OOMKilling"])
    func nodeOOMEventsRaiseANodeObservation(reason: String) {
        let event = EventSummary(
            namespace: "default", name: "n.1", type: "Warning", reason: reason,
            message: "System OOM encountered, victim process: coredns, pid: 42",
            involvedObject: .init(kind: "Node", name: "node-a"), count: 2,
            firstSeen: ago(300), lastSeen: ago(60))
        let found = detect(ClusterSnapshot(events: [event]))
        #expect(found.map(\.id) == ["nodeOOM/node-a"])
        #expect(found.first?.count == 2)
    }

    /// The kernel writes one event per kill (the pid differs): the node's observation counts them all.
    @Test func aNodesOOMKillEventsAddUpInItsSummary() throws {
        let events = [(1, 300.0), (2, 120), (3, 60)].map { number, seconds in
            EventSummary(
                namespace: "default", name: "node-a.\(number)", type: "Warning", reason: "OOMKilling",
                message: "Memory cgroup out of memory: Killed process 100\(number) (coredns)",
                involvedObject: .init(kind: "Node", name: "node-a"), count: 1, firstSeen: ago(seconds),
                lastSeen: ago(seconds))
        }
        let oom = try #require(detect(ClusterSnapshot(events: events)).first { $0.kind == .nodeOOM })
        #expect(oom.count == 3)
        #expect(oom.summary == "OOMKilling 3×: Memory cgroup out of memory: Killed process 1003 (coredns)")
    }

    // MARK: Restarts

    @Test func crashLoopBackOffIsReportedWithTheLastExit() {
        let status = ContainerStatusSummary(
            name: "app", ready: false, restartCount: 7,
            state: .waiting(reason: "CrashLoopBackOff", message: "back-off 2m40s"),
            lastState: .terminated(Termination(reason: "Error", exitCode: 1)))
        let found = detect(ClusterSnapshot(pods: [pod("web", statuses: [status])])).first {
            $0.kind == .crashLoopBackOff
        }
        #expect(found?.summary == "CrashLoopBackOff after 7 restarts, last exit 1 (Error)")
        #expect(found?.evidence["message"] == "back-off 2m40s")
    }

    static let restartCases: [(String, [(Double, Int)], Bool)] = [
        ("3 restarts in 5 minutes", [(300, 2), (200, 3), (100, 4), (0, 5)], true),
        ("2 restarts in the window", [(300, 2), (0, 4)], false),
        ("high lifetime count, no recent restarts", [(900, 40), (300, 40), (0, 40)], false),
        ("old restarts fall out of the window", [(1200, 0), (900, 5), (0, 6)], false),
        ("pod recreated: counter reset", [(300, 9), (0, 1)], false),
    ]

    @Test(arguments: restartCases)
    func restartBurstCountsRestartsWithinTheWindowNotTheLifetime(name: String, samples: [(Double, Int)], fires: Bool) {
        var history = SignalHistory()
        var observations: [Observation] = []
        for (secondsAgo, count) in samples {
            let status = ContainerStatusSummary(name: "app", restartCount: count)
            let result = SignalRules.evaluate(
                previous: nil, current: ClusterSnapshot(pods: [pod("web", statuses: [status])]),
                metrics: .empty, history: history, now: ago(secondsAgo), thresholds: thresholds)
            history = result.history
            observations = result.observations
        }
        #expect(observations.contains { $0.kind == .restartBurst && $0.isActive } == fires, "\(name)")
    }

    @Test func restartBurstCanComeFromThePreviousSnapshotAlone() {
        let before = ClusterSnapshot(pods: [
            pod("web", statuses: [ContainerStatusSummary(name: "app", restartCount: 1)])
        ])
        let after = ClusterSnapshot(pods: [pod("web", statuses: [ContainerStatusSummary(name: "app", restartCount: 5)])]
        )
        let found = detect(after, previous: before).first { $0.kind == .restartBurst }
        #expect(found?.summary == "4 restarts in 10m (5 total)")
    }

    // MARK: Probes, nodes, evictions, pending

    @Test func recentUnhealthyEventsAreProbeFailuresPerContainer() {
        let recent = EventSummary(
            namespace: "demo", name: "e1", type: "Warning", reason: "Unhealthy",
            message: "Liveness probe failed: HTTP probe failed with statuscode: 500",
            involvedObject: .init(kind: "Pod", namespace: "demo", name: "web", fieldPath: "spec.containers{app}"),
            count: 4, firstSeen: ago(400), lastSeen: ago(30))
        var old = recent
        old.name = "e2"
        old.involvedObject.name = "other"
        old.lastSeen = ago(3600)
        let found = detect(ClusterSnapshot(events: [recent, old]))
        #expect(found.map(\.id) == ["probeFailure/demo/web/app"])
        #expect(found.first?.count == 4)
    }

    static let nodeCases: [(String, NodeSummary, [String])] = [
        ("ready", NodeSummary(name: "n", ready: ConditionSummary(status: .isTrue)), []),
        (
            "not ready", NodeSummary(name: "n", ready: ConditionSummary(status: .isFalse, reason: "KubeletNotReady")),
            ["nodeNotReady/n"]
        ),
        (
            "unknown", NodeSummary(name: "n", ready: ConditionSummary(status: .unknown, reason: "NodeStatusUnknown")),
            ["nodeNotReady/n"]
        ),
        (
            "memory pressure",
            NodeSummary(
                name: "n", ready: ConditionSummary(status: .isTrue),
                memoryPressure: ConditionSummary(status: .isTrue)), ["nodePressure/n/MemoryPressure"]
        ),
        (
            "disk and pid pressure",
            NodeSummary(
                name: "n", ready: ConditionSummary(status: .isTrue),
                diskPressure: ConditionSummary(status: .isTrue),
                pidPressure: ConditionSummary(status: .isTrue)),
            ["nodePressure/n/DiskPressure", "nodePressure/n/PIDPressure"]
        ),
    ]

    @Test(arguments: nodeCases)
    func nodeConditionsRaiseNotReadyAndPressure(name: String, node: NodeSummary, ids: [String]) {
        #expect(detect(ClusterSnapshot(nodes: [node])).map(\.id).sorted() == ids, "\(name)")
    }

    @Test func notReadyNodeIsCriticalAndSaysForHowLong() {
        let node = NodeSummary(
            name: "n",
            ready: ConditionSummary(status: .unknown, reason: "NodeStatusUnknown", lastTransitionTime: ago(120)))
        let found = detect(ClusterSnapshot(nodes: [node])).first
        #expect(found?.severity == .critical)
        #expect(found?.summary == "NotReady (Ready=Unknown, NodeStatusUnknown) for 2m")
        #expect(found?.firstSeen == ago(120))
    }

    @Test func evictionsComeFromStatusConditionOrEvents() {
        let evicted = pod("a", phase: "Failed", reason: "Evicted")
        var disrupted = pod("b")
        disrupted.disruptionTarget = ConditionSummary(status: .isTrue, reason: "EvictionByEvictionAPI")
        let event = EventSummary(
            namespace: "demo", name: "e", type: "Warning", reason: "Evicted",
            message: "The node was low on resource: memory.",
            involvedObject: .init(kind: "Pod", namespace: "demo", name: "c"), lastSeen: ago(10))
        let ids = detect(ClusterSnapshot(pods: [evicted, disrupted], events: [event])).filter { $0.kind == .eviction }
            .map(\.id).sorted()
        #expect(ids == ["eviction/demo/a", "eviction/demo/b", "eviction/demo/c"])
    }

    static let pendingCases: [(Double, Bool)] = [(60, false), (299, false), (301, true), (3600, true)]

    @Test(arguments: pendingCases)
    func podPendingLongerThanTheThresholdIsReported(age: Double, fires: Bool) {
        var pending = pod("p", phase: "Pending", created: ago(age))
        pending.scheduled = ConditionSummary(
            status: .isFalse, reason: "Unschedulable", message: "0/3 nodes are available")
        let found = detect(ClusterSnapshot(pods: [pending])).first { $0.kind == .podPending }
        #expect((found != nil) == fires)
        if fires { #expect(found?.evidence["reason"] == "Unschedulable") }
    }

    // MARK: Workloads and metrics

    @Test func replicasBelowDesiredMustHoldForTheThreshold() {
        let deployment = WorkloadSummary(
            kind: "Deployment", namespace: "demo", name: "web", desiredReplicas: 3, availableReplicas: 1)
        let ownedRS = WorkloadSummary(
            kind: "ReplicaSet", namespace: "demo", name: "web-1", desiredReplicas: 3,
            controller: OwnerRef(kind: "Deployment", name: "web"))
        let snapshot = ClusterSnapshot(workloads: [deployment, ownedRS])
        let first = SignalRules.evaluate(
            previous: nil, current: snapshot, metrics: .empty, history: SignalHistory(),
            now: ago(601), thresholds: thresholds)
        #expect(first.observations.isEmpty)
        let later = SignalRules.evaluate(
            previous: nil, current: snapshot, metrics: .empty, history: first.history,
            now: now, thresholds: thresholds)
        #expect(later.observations.map(\.id) == ["replicasUnavailable/Deployment/demo/web"])
        #expect(later.observations.first?.summary == "1/3 replicas available for 10m")
        var healed = deployment
        healed.availableReplicas = 3
        let recovered = SignalRules.evaluate(
            previous: nil, current: ClusterSnapshot(workloads: [healed]), metrics: .empty,
            history: later.history, now: now.addingTimeInterval(1), thresholds: thresholds)
        #expect(recovered.observations.allSatisfy { !$0.isActive })
    }

    static let throttleCases: [(String, [Double], Bool)] = [
        ("held 15 minutes above 25%", [0.3, 0.4, 0.5, 0.3], true),
        ("dips below in between", [0.3, 0.1, 0.5, 0.3], false),
        ("never above", [0.1, 0.2, 0.2, 0.24], false),
    ]

    @Test(arguments: throttleCases)
    func cpuThrottlingMustStayAboveTheRatioForFifteenMinutes(name: String, ratios: [Double], fires: Bool) {
        let ref = ContainerRef(namespace: "demo", pod: "web", container: "app")
        var history = SignalHistory()
        var observations: [Observation] = []
        for (i, ratio) in ratios.enumerated() {
            let metrics = MetricsSnapshot(containers: [ref: ContainerUsage(cpuThrottleRatio: ratio)])
            let result = SignalRules.evaluate(
                previous: nil, current: ClusterSnapshot(pods: [pod("web")]), metrics: metrics,
                history: history, now: ago(Double(3 - i) * 300), thresholds: thresholds)
            history = result.history
            observations = result.observations
        }
        let found = observations.first { $0.kind == .cpuThrottling && $0.isActive }
        #expect((found != nil) == fires, "\(name)")
        if fires {
            #expect(found?.evidence["alert"] == "CPUThrottlingHigh")
            #expect(found?.summary == "CPU throttled 30% of periods for 15m at limit 500m")
        }
    }

    static let memoryCases: [(Int64?, Int64?, Bool)] = [
        (160 << 20, 170 << 20, true), (100 << 20, 170 << 20, false), (160 << 20, nil, false), (nil, 170 << 20, false),
    ]

    @Test(arguments: memoryCases)
    func memoryNearTheLimitIsReportedWhenMetricsExist(workingSet: Int64?, limit: Int64?, fires: Bool) {
        let ref = ContainerRef(namespace: "demo", pod: "web", container: "app")
        let metrics = MetricsSnapshot(containers: [ref: ContainerUsage(workingSetBytes: workingSet)])
        let found = detect(ClusterSnapshot(pods: [pod("web", limit: limit)]), metrics: metrics).first {
            $0.kind == .memoryNearLimit
        }
        #expect((found != nil) == fires)
    }

    @Test func observationsSortMostSevereFirstAndEncodeAsJSON() throws {
        let node = NodeSummary(
            name: "n", ready: ConditionSummary(status: .isFalse), memoryPressure: ConditionSummary(status: .isTrue))
        let found = detect(ClusterSnapshot(nodes: [node]))
        #expect(found.map(\.severity) == [.critical, .warning])
        let json = try JSONEncoder().encode(found)
        #expect(try JSONDecoder().decode([Observation].self, from: json) == found)
    }
}
