import Foundation

/// The cluster's time now, for a process with no connection to the cluster (`firebreak incident note` from another
/// shell): read from the stamps that connected recorders left in the incident. Each stamp pairs a cluster time with
/// the wall time it was committed at; the newest gives the offset, and the newest two (at least `minimumSpan` of wall
/// time apart) give the rate at which the cluster's clock runs (20 for a simulator at `--speed 20`). A recorder
/// silent for longer than `freshness` is not extrapolated from: only its offset is kept. Pure.
public struct ClusterTimeEstimate: Sendable, Equatable {
    public var minimumSpan: TimeInterval = 1
    public var freshness: TimeInterval = 300

    public init() {}

    /// The cluster time at `wall`, from `stamps` in any order; `wall` itself when there is none.
    public func clusterTime(at wall: Date, from stamps: [Stamp]) -> Date {
        let recent = stamps.sorted { $0.wall > $1.wall }
        guard let newest = recent.first else { return wall }
        let elapsed = wall.timeIntervalSince(newest.wall)
        guard elapsed <= freshness,
            let earlier = recent.first(where: { newest.wall.timeIntervalSince($0.wall) >= minimumSpan })
        else {
            return newest.cluster.addingTimeInterval(elapsed)
        }
        let rate = newest.cluster.timeIntervalSince(earlier.cluster) / newest.wall.timeIntervalSince(earlier.wall)
        return newest.cluster.addingTimeInterval(elapsed * min(max(rate, 0), 10_000))
    }
}

extension Journal {
    /// The cluster's time now for `incident`, estimated from the stamps its recorders committed.
    public func clusterNow(of incident: UUID, wall: Date = Date()) async throws -> Date {
        let stamps = try await entries(of: incident).filter { $0.source != "engineer" }.map(\.stamp)
        return ClusterTimeEstimate().clusterTime(at: wall, from: stamps)
    }
}
