import Foundation
import Timeline

/// One chart of the metrics section: a metric of one workload (or pod) over the incident, a series per container,
/// a point per recorded sample, a marker per milestone.
public struct Chart: Sendable, Equatable, Codable {
    public enum Metric: String, Sendable, Equatable, Codable, CaseIterable {
        case memory, restarts, throttling

        public var title: String {
            switch self {
            case .memory: "memory working set vs limit"
            case .restarts: "restarts"
            case .throttling: "CPU throttling ratio"
            }
        }
    }

    public struct Point: Sendable, Equatable, Codable {
        public var time: Date
        public var value: Double
    }

    public struct Series: Sendable, Equatable, Codable {
        /// `pod/container`, or a node's name.
        public var name: String
        public var points: [Point]
        /// The memory limit at each sample, for the memory chart.
        public var limit: [Point]
    }

    public struct Marker: Sendable, Equatable, Codable {
        public var milestone: Milestone
        public var time: Date
    }

    /// File-name stem: `coredns-memory`.
    public var id: String
    public var workload: String
    public var metric: Metric
    public var series: [Series]
    public var markers: [Marker]

    public var title: String {
        metric == .memory && workload.hasPrefix("Node ")
            ? "\(workload): memory working set of its pods vs allocatable" : "\(workload): \(metric.title)"
    }

    /// Every sample point of the chart.
    public var pointCount: Int { series.reduce(0) { $0 + $1.points.count } }
}
