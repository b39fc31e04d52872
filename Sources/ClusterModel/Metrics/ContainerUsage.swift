import Foundation

/// One container's usage from cAdvisor and metrics.k8s.io; `nil` fields are unknown.
public struct ContainerUsage: Sendable, Equatable {
    public var workingSetBytes: Int64?
    /// From cAdvisor (`container_spec_memory_limit_bytes`); 0 or nil means none.
    public var memoryLimitBytes: Int64?
    /// Throttled CFS periods / periods over the throttling window.
    public var cpuThrottleRatio: Double?
    public var oomEvents: Int?
    /// From metrics.k8s.io.
    public var cpuUsageMillis: Int64?

    public init(
        workingSetBytes: Int64? = nil, memoryLimitBytes: Int64? = nil, cpuThrottleRatio: Double? = nil,
        oomEvents: Int? = nil, cpuUsageMillis: Int64? = nil
    ) {
        self.workingSetBytes = workingSetBytes
        self.memoryLimitBytes = memoryLimitBytes
        self.cpuThrottleRatio = cpuThrottleRatio
        self.oomEvents = oomEvents
        self.cpuUsageMillis = cpuUsageMillis
    }
}
