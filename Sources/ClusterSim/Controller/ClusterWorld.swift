import Collections

/// One piece of a tick's work.
typealias TickStep = () -> Void

/// Everything the simulated cluster is: stored objects, the kubelets' hidden state, the demand curves,
/// the clock and the faults. Owned by `SimCluster`; controllers and scenarios are extensions that act on it.
final class ClusterWorld {
    let store: ObjectStore
    /// Simulated seconds since the Unix epoch.
    private(set) var now: Double
    /// When the story begins (after the starting cluster has settled).
    private(set) var startTime: Double
    var runtimes: [String: PodRuntime] = [:]
    /// Demand by `namespace/app-label/container`.
    private(set) var demands: [String: ContainerDemand] = [:]
    /// Bumped by every `setDemand`, so cached demand curves know to refresh.
    private(set) var demandsVersion = 0
    var faults = FaultState()
    /// Memory the kubelet itself holds per node (the leak story), in bytes.
    var kubeletMemory: [String: Double] = [:]
    /// Simulated seconds each NotReady node has been NotReady.
    var notReadySince: [String: Double] = [:]
    var scenarioName: String
    /// Event keys by aggregation key (namespace, object, reason, type, message), as the kubelet's correlator keeps them.
    var eventKeys: [String: String] = [:]
    /// Pods the `scale` scenario deletes each simulated second.
    var churnPerSecond = 0
    /// Pods' summed requests by `uid/generation`, for the scheduler.
    var podRequests: [String: (memory: Int64, cpu: Int64)] = [:]
    /// Pod template hashes by `uid/generation`.
    var templateHashes: [String: String] = [:]
    let tickSeconds: Double = 1
    /// How controllers choose what to look at.
    let controllerMode: ControllerMode
    /// What changed since each change-driven controller last looked.
    var queues = WorkQueues()
    /// Ticks run so far, settling included.
    private(set) var tickCount = 0
    /// The change-driven controllers still look at every object once in this many ticks, a share each tick.
    var resyncTicks = 300
    /// Where each resource's rolling resync goes on from.
    var resyncCursors: [ResourceType: Int] = [:]
    /// Pods the change-driven kubelet visits every tick: everything not resting.
    var wakefulPods = Set<String>()
    /// What the change-driven kubelet keeps of each node, by name.
    var kubeletNodes: [String: KubeletNodeView] = [:]
    /// The tick of the last kubelet pass: resting pods' counters are caught up to it when read.
    var kubeletPassTick = 0
    /// `demandsVersion` at the last change-driven kubelet pass (a change wakes every resting pod).
    var kubeletDemandsVersion = 0
    /// The rest of the current tick's work, in order.
    var tickWork = Deque<TickStep>()
    /// Requests placed on each node, kept as pods are written (the change-driven scheduler's view).
    var placedLoads: [String: NodeLoad] = [:]
    /// Schedulable nodes in name order, kept until a node is written (the change-driven scheduler's view).
    var schedulableNodes: [NodeCapacity]?
    /// Event keys by the minute they were last seen, for the one-hour expiry.
    var eventsByMinute: [Int64: Set<String>] = [:]
    /// At most this many Events are kept: beyond it the oldest minutes expire early (nil: only the one-hour TTL).
    var eventLimit: Int?

    init(seed: UInt64, start: Double, scenarioName: String, controllerMode: ControllerMode = .changeDriven) {
        now = start
        startTime = start
        self.scenarioName = scenarioName
        self.controllerMode = controllerMode
        store = ObjectStore(seed: seed, clock: { Timestamp(seconds: Int64(start)) })
        store.clock = { [unowned self] in self.timestamp }
        store.onChange = { [unowned self] resource, key, old, new in
            queues.record(resource, key, old: old, new: new)
            if resource == .pods { trackPlacement(old: old as? Pod, new: new as? Pod) }
            if let event = new as? Event { trackExpiry(of: event) }
        }
        store.podAdmission = { [unowned self] (pod: inout Pod) throws(APIError) in try self.admit(&pod) }
    }

    var timestamp: Timestamp { Timestamp(seconds: Int64(now)) }
    var elapsed: Double { now - startTime }

    /// Advances simulated time by one tick and runs every controller once.
    func tick(scenario: any Scenario) {
        beginTick(scenario: scenario)
        _ = continueTick(until: nil)
    }

    /// Moves the clock one tick on and queues the tick's work: the story, then each controller in turn.
    func beginTick(scenario: any Scenario) {
        now += tickSeconds
        tickCount += 1
        tickWork.append { [unowned self] in scenario.tick(self) }
        queueControllers()
    }

    /// Runs the controllers for `seconds` without the story, then starts the story clock.
    func settle(seconds: Int) {
        for _ in 0..<seconds {
            now += tickSeconds
            tickCount += 1
            queueControllers()
            _ = continueTick(until: nil)
        }
        startTime = now
    }

    /// Each controller's pass, in order. A pass decides what it looks at when its turn comes (after the passes before
    /// it have run) and puts one step per object first in line.
    private func queueControllers() {
        let passes: [TickStep] = [
            { [unowned self] in runNext(deploymentSteps()) },
            { [unowned self] in runNext(replicaSetSteps()) },
            { [unowned self] in runNext(daemonSetSteps()) },
            { [unowned self] in runNext(statefulSetSteps()) },
            { [unowned self] in runJobControllers() },
            { [unowned self] in runNext(schedulingSteps()) },
            { [unowned self] in runNext(kubeletSteps()) },
            { [unowned self] in runNodeLifecycle() },
            { [unowned self] in updateDisruptionBudgets() },
            { [unowned self] in runQuotaAndRevisionControllers() },
            { [unowned self] in collectGarbage() },
        ]
        tickWork.append(contentsOf: passes)
    }

    /// Does the tick's work until it is done (true), or until `deadline` has passed with work left (false: call again;
    /// requests may be served in between, as a real API server serves them while its controllers work).
    func continueTick(until deadline: ContinuousClock.Instant?) -> Bool {
        while let step = tickWork.popFirst() {
            step()
            if let deadline, !tickWork.isEmpty, ContinuousClock.now >= deadline { return false }
        }
        return true
    }

    /// Puts `steps` first in line, in order.
    func runNext(_ steps: [TickStep]) { tickWork.prepend(contentsOf: steps) }

    func demand(for pod: Pod, container: String) -> ContainerDemand? {
        let app = pod.metadata.labels?["app"] ?? pod.metadata.labels?["k8s-app"] ?? ""
        return demands["\(pod.metadata.namespace ?? "")/\(app)/\(container)"]
    }

    func setDemand(namespace: String, app: String, container: String, _ demand: ContainerDemand) {
        demands["\(namespace)/\(app)/\(container)"] = demand
        demandsVersion += 1
    }
}

/// Faults injected by a scenario or through the control endpoint.
public struct FaultState: Sendable, Equatable, Codable {
    /// Added to every request, in milliseconds.
    public var latencyMilliseconds: Int = 0
    /// The next N requests get 429 with `Retry-After`.
    public var throttleRemaining: Int = 0
    public var retryAfterSeconds: Int = 1
    /// The next N requests get 500.
    public var errorsRemaining: Int = 0
    /// While true the server refuses connections.
    public var isDown: Bool = false
    /// Simulated time at which an outage ends by itself.
    public var downUntil: Double?

    public init() {}
}
