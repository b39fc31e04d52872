import Foundation

/// Every threshold the signal rules use, named, with defaults from kubelet and kubernetes-mixin practice.
public struct SignalThresholds: Sendable, Equatable {
    /// Restarts within `restartWindow` that make a burst.
    public var restartBurstCount = 3
    public var restartWindow: TimeInterval = 600
    /// How long an OOM kill (and any inactive observation) stays visible after it was last seen.
    public var retention: TimeInterval = 1800
    /// Events (probe failures, evictions, node OOM) count while last seen within this window.
    public var eventWindow: TimeInterval = 600
    public var pendingAfter: TimeInterval = 300
    public var replicasUnavailableAfter: TimeInterval = 600
    /// Throttled periods / periods (over the throttling window) at or above which a container is throttled...
    public var cpuThrottlingRatio = 0.25
    /// ...for at least this long (CPUThrottlingHigh: 25% for 15 minutes).
    public var cpuThrottlingHeldFor: TimeInterval = 900
    /// Working set / memory limit at or above which memory is near the limit.
    public var memoryNearLimitRatio = 0.9

    public init() {}
}
