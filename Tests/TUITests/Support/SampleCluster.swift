import ClusterModel
import Foundation

@testable import TUI

/// A small cluster in the middle of the CoreDNS story, built directly (no simulator), for pane snapshots.
enum SampleCluster {
    static let now = Date(timeIntervalSince1970: 1_795_251_600 + 3 * 3_600)
    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }
    static let mi: Int64 = 1_048_576

    static func ready(_ ready: Bool) -> ConditionSummary { ConditionSummary(status: ready ? .isTrue : .isFalse) }

    static let nodes = [
        NodeSummary(
            name: "worker-eu-west-1a-01", ready: ready(true), allocatableCPUMillis: 3_920,
            allocatableMemoryBytes: 15_000 * mi,
            allocatablePods: 110, kubeletVersion: "v1.36.0", createdAt: ago(30 * 86_400)),
        NodeSummary(
            name: "worker-eu-west-1a-02", isUnschedulable: true, ready: ready(true), memoryPressure: ready(true),
            allocatableCPUMillis: 3_920, allocatableMemoryBytes: 15_000 * mi, allocatablePods: 110,
            taints: [.init(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")], createdAt: ago(30 * 86_400)),
        NodeSummary(
            name: "worker-eu-west-1b-07", ready: ready(false), diskPressure: ready(true), allocatableCPUMillis: 7_910,
            allocatableMemoryBytes: 31_000 * mi, allocatablePods: 110, createdAt: ago(9 * 86_400)),
    ]

    static let coredns = PodSummary(
        namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p", nodeName: "worker-eu-west-1a-01", phase: "Running",
        createdAt: ago(3 * 86_400), controller: OwnerRef(kind: "ReplicaSet", name: "coredns-7db6d8ff4d"),
        containers: [
            ContainerSpecSummary(
                name: "coredns",
                resources: ContainerResources(
                    cpuRequestMillis: 100, memoryRequestBytes: 70 * mi, memoryLimitBytes: 170 * mi))
        ],
        containerStatuses: [
            ContainerStatusSummary(
                name: "coredns", ready: true, restartCount: 3, state: .running(startedAt: ago(40)),
                lastState: .terminated(Termination(reason: "OOMKilled", exitCode: 137, finishedAt: ago(42))))
        ],
        qosClass: "Burstable")

    static let pods = [
        coredns,
        PodSummary(
            namespace: "kube-system", name: "coredns-7db6d8ff4d-qq8mz", nodeName: "worker-eu-west-1a-02",
            createdAt: ago(3 * 86_400), controller: OwnerRef(kind: "ReplicaSet", name: "coredns-7db6d8ff4d"),
            containers: [
                ContainerSpecSummary(
                    name: "coredns",
                    resources: ContainerResources(
                        cpuRequestMillis: 100, memoryRequestBytes: 70 * mi, memoryLimitBytes: 170 * mi))
            ],
            containerStatuses: [
                ContainerStatusSummary(
                    name: "coredns", restartCount: 5, state: .waiting(reason: "CrashLoopBackOff", message: nil),
                    lastState: .terminated(Termination(reason: "OOMKilled", exitCode: 137, finishedAt: ago(15))))
            ]),
        PodSummary(
            namespace: "shop", name: "checkout-api-5c9f7b6d8-abcde", nodeName: "worker-eu-west-1b-07",
            createdAt: ago(12 * 3_600),
            containers: [
                ContainerSpecSummary(
                    name: "api",
                    resources: ContainerResources(
                        cpuRequestMillis: 500, cpuLimitMillis: 500, memoryRequestBytes: 256 * mi,
                        memoryLimitBytes: 512 * mi))
            ],
            containerStatuses: [ContainerStatusSummary(name: "api")]),
        PodSummary(
            namespace: "shop", name: "cart-7c8d9e-z9y8x", phase: "Pending", createdAt: ago(400),
            containers: [ContainerSpecSummary(name: "cart")], containerStatuses: []),
        PodSummary(
            namespace: "商店", name: "支付服务-payments-6f8d9c-k2x7q", nodeName: "worker-eu-west-1a-01",
            createdAt: ago(2 * 3_600),
            containers: [ContainerSpecSummary(name: "pay")],
            containerStatuses: [
                ContainerStatusSummary(
                    name: "pay", restartCount: 1,
                    lastState: .terminated(Termination(reason: "Error", exitCode: 1, finishedAt: ago(1_800))))
            ]),
    ]

    static let events = [
        EventSummary(
            namespace: "kube-system", name: "coredns.1", type: "Warning", reason: "OOMKilling",
            message: "Memory cgroup out of memory: Killed process 4242 (coredns)",
            involvedObject: .init(kind: "Pod", namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p"), count: 3,
            lastSeen: ago(42)),
        EventSummary(
            namespace: "kube-system", name: "coredns.2", reason: "Started", message: "Started container coredns",
            involvedObject: .init(kind: "Pod", namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p"),
            lastSeen: ago(40)),
        // Two Event objects for one pod and reason: the Events pane adds them up.
        EventSummary(
            namespace: "kube-system", name: "coredns-qq8mz.1", type: "Warning", reason: "BackOff",
            message: "Back-off restarting failed container coredns in pod coredns-7db6d8ff4d-qq8mz",
            involvedObject: .init(kind: "Pod", namespace: "kube-system", name: "coredns-7db6d8ff4d-qq8mz"), count: 9,
            firstSeen: ago(900), lastSeen: ago(300)),
        EventSummary(
            namespace: "kube-system", name: "coredns-qq8mz.2", type: "Warning", reason: "BackOff",
            message: "Back-off restarting failed container coredns in pod coredns-7db6d8ff4d-qq8mz",
            involvedObject: .init(kind: "Pod", namespace: "kube-system", name: "coredns-7db6d8ff4d-qq8mz"), count: 5,
            firstSeen: ago(280), lastSeen: ago(15)),
        EventSummary(
            namespace: "shop", name: "cart.1", type: "Warning", reason: "FailedScheduling",
            message: "0/3 nodes are available: 3 Insufficient memory.",
            involvedObject: .init(kind: "Pod", namespace: "shop", name: "cart-7c8d9e-z9y8x"), count: 12,
            firstSeen: ago(400), lastSeen: ago(100)),
        EventSummary(
            namespace: "default", name: "worker-07.1", type: "Normal", reason: "NodeNotReady",
            message: "Node worker-eu-west-1b-07 status is now: NodeNotReady",
            involvedObject: .init(kind: "Node", name: "worker-eu-west-1b-07"), lastSeen: ago(300)),
    ]

    static let observations = [
        Observation(
            id: "oomKilled/kube-system/coredns-7db6d8ff4d-x2k9p/coredns", kind: .oomKilled, severity: .critical,
            subject: ObservationSubject(
                kind: "Pod", namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p", container: "coredns"),
            firstSeen: ago(600), lastSeen: ago(42), count: 3,
            summary: "OOMKilled 3× in 10m at limit 170Mi, working set 169Mi"),
        Observation(
            id: "nodeNotReady/worker-eu-west-1b-07", kind: .nodeNotReady, severity: .critical,
            subject: ObservationSubject(kind: "Node", name: "worker-eu-west-1b-07"), firstSeen: ago(300),
            lastSeen: ago(300),
            summary: "NotReady for 5m (kubelet stopped posting status)"),
        Observation(
            id: "cpuThrottling/shop/checkout-api-5c9f7b6d8-abcde/api", kind: .cpuThrottling, severity: .warning,
            subject: ObservationSubject(
                kind: "Pod", namespace: "shop", name: "checkout-api-5c9f7b6d8-abcde", container: "api"),
            firstSeen: ago(1_200), lastSeen: ago(60), summary: "CPU throttled 38% of periods for 20m at limit 500m"),
        Observation(
            id: "podPending/shop/cart-7c8d9e-z9y8x", kind: .podPending, severity: .info,
            subject: ObservationSubject(kind: "Pod", namespace: "shop", name: "cart-7c8d9e-z9y8x"),
            firstSeen: ago(400), lastSeen: ago(100), isActive: false, summary: "Pending 6m: 0/3 nodes are available"),
    ]

    static let metrics = MetricsSnapshot(containers: [
        ContainerRef(namespace: "kube-system", pod: "coredns-7db6d8ff4d-x2k9p", container: "coredns"):
            ContainerUsage(
                workingSetBytes: 169 * mi, memoryLimitBytes: 170 * mi, cpuThrottleRatio: 0.02, cpuUsageMillis: 95),
        // Crash-looping: metrics report 0 for a container that is not running.
        ContainerRef(namespace: "kube-system", pod: "coredns-7db6d8ff4d-qq8mz", container: "coredns"):
            ContainerUsage(workingSetBytes: 0, memoryLimitBytes: 170 * mi),
        ContainerRef(namespace: "shop", pod: "checkout-api-5c9f7b6d8-abcde", container: "api"):
            ContainerUsage(
                workingSetBytes: 300 * mi, memoryLimitBytes: 512 * mi, cpuThrottleRatio: 0.38, cpuUsageMillis: 498),
    ])

    static var data: ClusterData {
        ClusterData(
            snapshot: ClusterSnapshot(
                nodes: nodes, pods: pods, events: events, workloads: SampleWorkloads.workloads,
                jobs: SampleWorkloads.jobs, cronJobs: [SampleWorkloads.cronJob],
                controllerRevisions: SampleWorkloads.revisions,
                health: ConnectionHealth(lastContact: ago(1), syncedResources: Set(ResourceKind.watched.map(\.plural)))),
            observations: observations, metrics: metrics,
            now: now)
    }

    /// The sample with a signal history in which every container restarted `count` times since `minutesAgo`.
    static func restarted(_ count: Int, sinceMinutesAgo minutesAgo: Double) -> ClusterData {
        var data = self.data
        let earlier = ClusterSnapshot(
            pods: data.snapshot.pods.values.map { pod in
                var pod = pod
                pod.containerStatuses = pod.containerStatuses.map { status in
                    var status = status
                    status.restartCount = max(0, status.restartCount - count)
                    return status
                }
                return pod
            })
        for (snapshot, time) in [(earlier, ago(minutesAgo * 60)), (data.snapshot, now)] {
            data.history =
                SignalRules.evaluate(
                    previous: nil, current: snapshot, metrics: .empty, history: data.history, now: time,
                    thresholds: data.thresholds
                ).history
        }
        return data
    }

    /// A console loaded with the sample, and its state at `size` with `focus`.
    static func console(size: Size, focus: PaneID) -> (ClusterConsole, AppState) {
        var console = ClusterConsole()
        var state = ClusterConsole.initialState(size: size)
        state.focus = focus
        var usage = UsageHistory()
        for step in 0..<30 {
            var sample = metrics
            let grow = Int64(step) * 3 * mi
            sample.containers[
                ContainerRef(namespace: "kube-system", pod: "coredns-7db6d8ff4d-x2k9p", container: "coredns")]?
                .workingSetBytes = 80 * mi + grow
            sample.containers[ContainerRef(namespace: "shop", pod: "checkout-api-5c9f7b6d8-abcde", container: "api")]?
                .cpuThrottleRatio = Double(step % 10) / 20
            usage.record(sample, at: ago(Double(30 - step) * 30))
        }
        console.usage = usage
        for event in console.update(ClusterRows(data), data: data, state: state) { _ = reduce(&state, event) }
        SampleJournal.show(in: &console, &state)
        return (console, state)
    }

    static let status = ConnectionStatus(
        context: "prod-eu", server: "https://10.0.0.1:6443",
        health: ConnectionHealth(lastContact: ago(1), syncedResources: Set(ResourceKind.watched.map(\.plural))))
}
