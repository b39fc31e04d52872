import Foundation

/// What Firebreak keeps of a Pod.
public struct PodSummary: KubeObject, Hashable {
    public var namespace: String
    public var name: String
    public var uid: String
    public var resourceVersion: String
    public var nodeName: String?
    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
    public var phase: String
    /// `status.reason`, e.g. `Evicted`.
    public var reason: String?
    public var message: String?
    public var createdAt: Date?
    public var deletionTimestamp: Date?
    public var labels: [String: String]
    /// The controller owner (`ReplicaSet`, `StatefulSet`, `DaemonSet`, `Job`, `Node`).
    public var controller: OwnerRef?
    public var containers: [ContainerSpecSummary]
    public var containerStatuses: [ContainerStatusSummary]
    public var ready: ConditionSummary?
    public var scheduled: ConditionSummary?
    public var disruptionTarget: ConditionSummary?
    public var qosClass: String?
    /// `metadata.generation`: bumped by spec changes such as an in-place resize.
    public var generation: Int64
    /// `status.observedGeneration`: the generation the kubelet has acted on (nil on servers before 1.34).
    public var observedGeneration: Int64?
    /// The `PodResizePending` condition (reason `Deferred` or `Infeasible`).
    public var resizePending: ConditionSummary?
    /// The `PodResizeInProgress` condition (reason `Error` when applying failed).
    public var resizeInProgress: ConditionSummary?

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public init(
        namespace: String, name: String, uid: String = "", resourceVersion: String = "", nodeName: String? = nil,
        phase: String = "Running", reason: String? = nil, message: String? = nil, createdAt: Date? = nil,
        deletionTimestamp: Date? = nil, labels: [String: String] = [:], controller: OwnerRef? = nil,
        containers: [ContainerSpecSummary] = [], containerStatuses: [ContainerStatusSummary] = [],
        ready: ConditionSummary? = nil, scheduled: ConditionSummary? = nil,
        disruptionTarget: ConditionSummary? = nil, qosClass: String? = nil, generation: Int64 = 1,
        observedGeneration: Int64? = nil, resizePending: ConditionSummary? = nil,
        resizeInProgress: ConditionSummary? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.nodeName = nodeName
        self.phase = phase
        self.reason = reason
        self.message = message
        self.createdAt = createdAt
        self.deletionTimestamp = deletionTimestamp
        self.labels = labels
        self.controller = controller
        self.containers = containers
        self.containerStatuses = containerStatuses
        self.ready = ready
        self.scheduled = scheduled
        self.disruptionTarget = disruptionTarget
        self.qosClass = qosClass
        self.generation = generation
        self.observedGeneration = observedGeneration
        self.resizePending = resizePending
        self.resizeInProgress = resizeInProgress
    }

    /// The spec of the named container.
    public func container(named name: String) -> ContainerSpecSummary? { containers.first { $0.name == name } }

    /// `Succeeded` or `Failed`: its containers will not run again.
    public var hasTerminated: Bool { phase == "Succeeded" || phase == "Failed" }
}

/// Requests and limits of one container: CPU in millicores, memory in bytes; `nil` when unset.
public struct ContainerResources: Sendable, Hashable, Codable {
    public var cpuRequestMillis: Int64?
    public var cpuLimitMillis: Int64?
    public var memoryRequestBytes: Int64?
    public var memoryLimitBytes: Int64?

    public init(
        cpuRequestMillis: Int64? = nil, cpuLimitMillis: Int64? = nil,
        memoryRequestBytes: Int64? = nil, memoryLimitBytes: Int64? = nil
    ) {
        self.cpuRequestMillis = cpuRequestMillis
        self.cpuLimitMillis = cpuLimitMillis
        self.memoryRequestBytes = memoryRequestBytes
        self.memoryLimitBytes = memoryLimitBytes
    }
}

/// A container of the pod spec (or a workload template).
public struct ContainerSpecSummary: Sendable, Hashable {
    public var name: String
    public var resources: ContainerResources
    /// The image; read for workload templates and revisions (what changed between them), nil for pods.
    public var image: String?
    /// The names of the `env` variables, in order; read for workload templates and revisions, empty for pods.
    public var envNames: [String]

    public init(
        name: String, resources: ContainerResources = ContainerResources(), image: String? = nil,
        envNames: [String] = []
    ) {
        self.name = name
        self.resources = resources
        self.image = image
        self.envNames = envNames
    }
}

/// A container's status: readiness, restarts, current and previous state.
public struct ContainerStatusSummary: Sendable, Hashable {
    public var name: String
    public var ready: Bool
    public var restartCount: Int
    public var state: ContainerState
    public var lastState: ContainerState
    /// The requests and limits the runtime has applied (`status.containerStatuses[].resources`); nil when the node
    /// does not report them (it cannot resize in place).
    public var resources: ContainerResources?

    public init(
        name: String, ready: Bool = true, restartCount: Int = 0,
        state: ContainerState = .running(startedAt: nil), lastState: ContainerState = .none,
        resources: ContainerResources? = nil
    ) {
        self.name = name
        self.ready = ready
        self.restartCount = restartCount
        self.state = state
        self.lastState = lastState
        self.resources = resources
    }
}

/// One of a container's `state` / `lastState` variants.
public enum ContainerState: Sendable, Hashable {
    case none
    case waiting(reason: String?, message: String?)
    case running(startedAt: Date?)
    case terminated(Termination)

    public var termination: Termination? {
        if case .terminated(let t) = self { return t }
        return nil
    }

    public var waitingReason: String? {
        if case .waiting(let reason, _) = self { return reason }
        return nil
    }
}

/// A container's terminated state.
public struct Termination: Sendable, Hashable {
    public var reason: String?
    public var exitCode: Int32
    public var message: String?
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        reason: String?, exitCode: Int32, message: String? = nil, startedAt: Date? = nil, finishedAt: Date? = nil
    ) {
        self.reason = reason
        self.exitCode = exitCode
        self.message = message
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
