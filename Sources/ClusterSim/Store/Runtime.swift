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
    /// While its pod rests: the memory (bytes) and CPU (cores) its flat demand asks for every tick.
    var restingDemand: (memory: Double, cpu: Double)?

    /// One tick of a running container's counters: the working set moves a twentieth of the way to `wanted`, CPU use
    /// and the CFS counters grow by what `cores` asks within `cpuLimit`. A kubelet step and a resting pod's catch-up
    /// share this arithmetic, so both give the same bits.
    mutating func advance(wanted: Double, cores: Double, cpuLimit: Double?, tickSeconds: Double) {
        workingSetBytes += (wanted - workingSetBytes) * min(1, tickSeconds / 20)
        if let limit = cpuLimit {
            let periods = 10 * tickSeconds
            let fraction =
                cores <= 0.8 * limit ? 0 : min(0.98, cores <= limit ? (cores / limit - 0.8) : 0.2 + (1 - limit / cores))
            cfsPeriods += Int64(periods)
            cfsThrottledPeriods += Int64((periods * fraction).rounded())
            cfsThrottledSeconds += fraction * tickSeconds * 0.1 * max(1, cores)
            cpuCores = min(cores, limit)
        } else {
            cpuCores = cores
        }
        cpuUsageSeconds += cpuCores * tickSeconds
    }
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
    /// Set while the pod rests (the kubelet does not visit it): the tick its counters were last advanced to.
    var restingThrough: Int?
    /// While resting: the node whose memory bound counts it, and what it counts (bytes, rounded up).
    var restingNode = ""
    var restingBound: Int64 = 0
}

/// How much memory (bytes) and CPU (cores) a container wants at a simulated time.
struct ContainerDemand: Sendable {
    var memory: @Sendable (_ elapsed: Double, _ jitter: Double) -> Double
    var cpu: @Sendable (_ elapsed: Double, _ jitter: Double) -> Double
    /// True when neither curve depends on the time: a container running below its limits can then rest.
    var isFlat = false

    static func steady(memoryBytes: Double, cpuCores: Double) -> ContainerDemand {
        ContainerDemand(
            memory: { _, jitter in memoryBytes * (0.95 + 0.1 * jitter) },
            cpu: { _, jitter in cpuCores * (0.9 + 0.2 * jitter) }, isFlat: true)
    }
}

/// The simulated clock: stepped by tests, or running at a multiple of real time.
public enum SimClockMode: Sendable, Equatable {
    case stepped
    case scaled(speed: Double)
}
