import Foundation

/// Every threshold the signal rules use, named, with defaults from kubelet and kubernetes-mixin practice.
///
/// The console marks rows with the same judgements (`isThrottled`, `isNearMemoryLimit`, `isRestartBurst`),
/// so a threshold is set in one place.
public struct SignalThresholds: Sendable, Equatable {
    /// Restarts within `restartWindow` that make a burst.
    public var restartBurstCount = 3
    public var restartWindow: TimeInterval = 600
    /// How far back restart counts are remembered, for recent-restart counts (the console's last hour).
    public var restartHistoryWindow: TimeInterval = 3_600
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
    /// `FailedMount` / `FailedAttachVolume` warnings on a pod (summed, last seen within `eventWindow`) that make a
    /// mount failure: the kubelet retries every couple of minutes, so two mean the retry failed too.
    public var mountFailureCount = 2
    /// How far back a signal group counts new members for its rate (`+45/min`).
    public var groupRateWindow: TimeInterval = 600

    public init() {}

    /// Whether a throttled-periods ratio is at or above `cpuThrottlingRatio`.
    public func isThrottled(_ ratio: Double) -> Bool { ratio >= cpuThrottlingRatio }

    /// Whether a working set / limit ratio is at or above `memoryNearLimitRatio`.
    public func isNearMemoryLimit(_ ratio: Double) -> Bool { ratio >= memoryNearLimitRatio }

    /// Whether this many restarts within a window make a burst.
    public func isRestartBurst(_ restarts: Int) -> Bool { restarts >= restartBurstCount }

    /// Whether this many mount-failure warnings on one pod make a mount failure.
    public func isMountFailure(_ warnings: Int) -> Bool { warnings >= mountFailureCount }

    /// How long restart samples must be kept: the longer of the burst window and the history window.
    var restartSampleWindow: TimeInterval { max(restartWindow, restartHistoryWindow) }
}
