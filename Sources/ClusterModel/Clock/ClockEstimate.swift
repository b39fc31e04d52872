import Foundation

/// The API server's clock as seen through the `Date` headers of its responses: an offset from the local clock and a
/// rate (1 for a real server; the speed of a simulator whose clock runs faster). Pure: feed it samples, ask it the time.
///
/// A `Date` header has whole seconds (the floor of the server's time), so each sample is read as its middle, half a
/// second later. The rate departs from 1 only once the headers disagree with the local clock by more than their
/// resolution could explain, so a real server is never given a rate of 1.02 from noise.
public struct ClockEstimate: Sendable, Equatable {
    struct Sample: Sendable, Equatable {
        var server: Date
        var local: Date
    }

    private var first: Sample?
    private var latest: Sample?
    /// Server seconds per local second.
    public private(set) var rate: Double = 1

    public init() {}

    /// Whether any header has been seen.
    public var hasSamples: Bool { latest != nil }

    /// Records a response's `Date` header (`server`, whole seconds) received at `local`.
    public mutating func add(server: Date, local: Date) {
        let sample = Sample(server: server.addingTimeInterval(0.5), local: local)
        guard let first else {
            self.first = sample
            latest = sample
            return
        }
        // Keep the most informative pair: the first sample and the newest one.
        latest = sample
        let span = sample.local.timeIntervalSince(first.local)
        guard span >= 1 else { return }
        let measured = sample.server.timeIntervalSince(first.server) / span
        // Two half-second roundings could account for up to a second of disagreement, plus a second of margin.
        rate = abs(measured - 1) * span > 2 ? measured : 1
        if rate == 1 { latest = Sample(server: first.server.addingTimeInterval(span), local: sample.local) }
    }

    /// The server's time at local time `local` (the local time itself before any sample).
    public func now(local: Date) -> Date {
        guard let latest else { return local }
        return latest.server.addingTimeInterval(local.timeIntervalSince(latest.local) * rate)
    }
}
