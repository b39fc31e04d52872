import ClusterModel
import Foundation

/// The cluster's time now, for a process with no connection to the cluster (`firebreak incident note` from another
/// shell): read from the stamps that connected recorders left in the incident. Each stamp pairs a cluster time with
/// the wall time it was committed at; in wall-time order they are read as `ClockEstimate` reads `Date` headers (exact
/// times), so the offset comes from the newest, the rate at which the cluster's clock runs (20 for a simulator at
/// `--speed 20`) from a second of them or more, and a step of the cluster's clock (`/sim/advance`, NTP) moves the
/// offset rather than the rate. A recorder silent for longer than `freshness` is not extrapolated from: only its
/// offset is kept. Pure.
public struct ClusterTimeEstimate: Sendable, Equatable {
    public var freshness: TimeInterval = 300

    public init() {}

    /// The cluster time at `wall`, from `stamps` in any order; `wall` itself when there is none.
    public func clusterTime(at wall: Date, from stamps: [Stamp]) -> Date {
        let ordered = stamps.sorted { $0.wall < $1.wall }
        guard let newest = ordered.last else { return wall }
        let elapsed = wall.timeIntervalSince(newest.wall)
        guard elapsed <= freshness else { return newest.cluster.addingTimeInterval(elapsed) }
        var estimate = ClockEstimate(resolution: 0)
        for stamp in ordered { estimate.add(server: stamp.cluster, local: stamp.wall) }
        return estimate.now(local: wall)
    }
}

extension Journal {
    /// The cluster's time now for `incident`, estimated from the stamps its recorders committed.
    public func clusterNow(of incident: UUID, wall: Date = Date()) async throws -> Date {
        let stamps = try await entries(of: incident).filter { $0.source != "engineer" }.map(\.stamp)
        return ClusterTimeEstimate().clusterTime(at: wall, from: stamps)
    }
}
