import Foundation

/// Resource usage Firebreak knows about, per container, plus why some of it is unavailable.
public struct MetricsSnapshot: Sendable, Equatable {
    public var containers: [ContainerRef: ContainerUsage]
    /// Sources that could not be read, with a one-line reason (e.g. `cadvisor` → `nodes/proxy forbidden (403)`).
    public var unavailable: [String: String]

    public init(containers: [ContainerRef: ContainerUsage] = [:], unavailable: [String: String] = [:]) {
        self.containers = containers
        self.unavailable = unavailable
    }

    public static let empty = MetricsSnapshot()
}

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
