import ClusterModel
import Foundation

/// Recent memory and throttling samples per container, for the detail view's sparklines.
public struct UsageHistory: Sendable {
    public struct Series: Sendable, Hashable {
        public var memoryBytes: [Double] = []
        public var throttleRatio: [Double] = []
    }

    public private(set) var series: [ContainerRef: Series] = [:]
    public var capacity = 120
    private var lastMetrics: MetricsSnapshot?

    public init() {}

    /// Appends a sample per container when the metrics changed since the last call.
    public mutating func record(_ metrics: MetricsSnapshot, at now: Date) {
        guard metrics != lastMetrics, !metrics.containers.isEmpty else { return }
        lastMetrics = metrics
        var next: [ContainerRef: Series] = [:]
        for (ref, usage) in metrics.containers {
            var entry = series[ref] ?? Series()
            if let bytes = usage.workingSetBytes {
                entry.memoryBytes = Array((entry.memoryBytes + [Double(bytes)]).suffix(capacity))
            }
            if let ratio = usage.cpuThrottleRatio {
                entry.throttleRatio = Array((entry.throttleRatio + [ratio]).suffix(capacity))
            }
            next[ref] = entry
        }
        series = next
    }
}
