/// What a set of pods asks for, from their specs: how many there are, and their CPU and memory requests and
/// limits (containers without a value add nothing, as `kubectl describe node` sums them).
public struct PodTotals: Sendable, Hashable, AdditiveArithmetic {
    public var podCount = 0
    public var cpuRequestMillis: Int64 = 0
    public var cpuLimitMillis: Int64 = 0
    public var memoryRequestBytes: Int64 = 0
    public var memoryLimitBytes: Int64 = 0

    public init(
        podCount: Int = 0, cpuRequestMillis: Int64 = 0, cpuLimitMillis: Int64 = 0, memoryRequestBytes: Int64 = 0,
        memoryLimitBytes: Int64 = 0
    ) {
        self.podCount = podCount
        self.cpuRequestMillis = cpuRequestMillis
        self.cpuLimitMillis = cpuLimitMillis
        self.memoryRequestBytes = memoryRequestBytes
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// One pod's share of its node: nothing once it has terminated (`Succeeded` or `Failed`), as the scheduler
    /// no longer counts it.
    public init(_ pod: PodSummary) {
        guard !pod.hasTerminated else {
            self.init()
            return
        }
        self.init(podCount: 1)
        for container in pod.containers {
            cpuRequestMillis += container.resources.cpuRequestMillis ?? 0
            cpuLimitMillis += container.resources.cpuLimitMillis ?? 0
            memoryRequestBytes += container.resources.memoryRequestBytes ?? 0
            memoryLimitBytes += container.resources.memoryLimitBytes ?? 0
        }
    }

    public static var zero: PodTotals { PodTotals() }

    public static func + (lhs: PodTotals, rhs: PodTotals) -> PodTotals {
        PodTotals(
            podCount: lhs.podCount + rhs.podCount, cpuRequestMillis: lhs.cpuRequestMillis + rhs.cpuRequestMillis,
            cpuLimitMillis: lhs.cpuLimitMillis + rhs.cpuLimitMillis,
            memoryRequestBytes: lhs.memoryRequestBytes + rhs.memoryRequestBytes,
            memoryLimitBytes: lhs.memoryLimitBytes + rhs.memoryLimitBytes)
    }

    public static func - (lhs: PodTotals, rhs: PodTotals) -> PodTotals {
        PodTotals(
            podCount: lhs.podCount - rhs.podCount, cpuRequestMillis: lhs.cpuRequestMillis - rhs.cpuRequestMillis,
            cpuLimitMillis: lhs.cpuLimitMillis - rhs.cpuLimitMillis,
            memoryRequestBytes: lhs.memoryRequestBytes - rhs.memoryRequestBytes,
            memoryLimitBytes: lhs.memoryLimitBytes - rhs.memoryLimitBytes)
    }
}
