import Foundation

/// Resource usage Firebreak knows about, per container, plus why some of it is unavailable.
public struct MetricsSnapshot: Sendable, Equatable {
    public var containers: [ContainerRef: ContainerUsage]
    /// Sources that could not be read, with a one-line reason (e.g. `cadvisor` → `nodes/proxy forbidden (403)`).
    public var unavailable: [String: String]
    /// The cluster time the scrape began at (`nil` for a snapshot read without scraping): what a sample of it is
    /// stamped with, so a scrape that crosses a step of a simulated clock keeps the time it was asked at.
    public var time: Date?

    public init(
        containers: [ContainerRef: ContainerUsage] = [:], unavailable: [String: String] = [:], time: Date? = nil
    ) {
        self.containers = containers
        self.unavailable = unavailable
        self.time = time
    }

    public static let empty = MetricsSnapshot()
}
