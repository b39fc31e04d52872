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
