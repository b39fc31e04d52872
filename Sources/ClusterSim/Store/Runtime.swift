/// What a simulated kubelet knows about a running container and the API does not show.
struct ContainerRuntime: Sendable {
    var workingSetBytes: Double = 0
    var cfsPeriods: Int64 = 0
    var cfsThrottledPeriods: Int64 = 0
    var cfsThrottledSeconds: Double = 0
    var cpuUsageSeconds: Double = 0
    var cpuCores: Double = 0
    var oomEvents: Int64 = 0
    var runningSince: Double?
    /// While set, the container waits in CrashLoopBackOff until this time.
    var backoffUntil: Double?
    var backoffSeconds: Double = 0
    var restartCount: Int32 = 0
    var lastTermination: ContainerState.Terminated?
    var containerID: String = ""
    /// Readiness as last written to the pod's status.
    var reportedReady = false
    /// Limits and demand, cached per pod generation.
    var limits: ContainerLimits?
}

/// A container's limits and demand curve as numbers, so a tick does not parse quantities.
struct ContainerLimits: Sendable {
    let memoryBytes: Double?
    let cpuCores: Double?
    let demand: ContainerDemand
    let generation: Int64
    let demandsVersion: Int
}

/// Per-pod simulated state.
struct PodRuntime: Sendable {
    var containers: [String: ContainerRuntime] = [:]
    /// A per-pod number in [0, 1) that spreads demand between replicas.
    var jitter: Double
    var createdAt: Double
    /// Set when a container changed state, so the pod's status must be rebuilt and written.
    var statusDirty = true
}

/// How much memory (bytes) and CPU (cores) a container wants at a simulated time.
struct ContainerDemand: Sendable {
    var memory: @Sendable (_ elapsed: Double, _ jitter: Double) -> Double
    var cpu: @Sendable (_ elapsed: Double, _ jitter: Double) -> Double

    static func steady(memoryBytes: Double, cpuCores: Double) -> ContainerDemand {
        ContainerDemand(
            memory: { _, jitter in memoryBytes * (0.95 + 0.1 * jitter) },
            cpu: { _, jitter in cpuCores * (0.9 + 0.2 * jitter) })
    }
}

/// The simulated clock: stepped by tests, or running at a multiple of real time.
public enum SimClockMode: Sendable, Equatable {
    case stepped
    case scaled(speed: Double)
}
