import Foundation

/// The two clocks the console shows: the wall clock (for countdowns such as "reconnecting in 4s") and the
/// cluster's clock (the header's UTC time; a simulator's clock in a demo), as of the last tick.
public struct ConsoleTime: Hashable, Sendable {
    public var wall: Date
    public var cluster: Date

    public init(wall: Date, cluster: Date) {
        self.wall = wall
        self.cluster = cluster
    }

    /// Before the first tick.
    public static let unset = ConsoleTime(wall: .distantPast, cluster: .distantPast)
}
