import Foundation

/// The API server's clock as seen through the `Date` headers of its responses: an offset from the local clock and a
/// rate (1 for a real server; the speed of a simulator whose clock runs faster). Pure: feed it samples, ask it the time.
///
/// A `Date` header has whole seconds (the floor of the server's time), so each sample is read as its middle, half a
/// second later (exact times, such as the journal's stamps, are taken as they are: `resolution` 0). The rate departs from 1 only once the headers disagree with the local clock by more than their
/// resolution could explain, so a real server is never given a rate of 1.02 from noise.
///
/// A server's clock can also be stepped (NTP, or a simulator moved on by `/sim/advance`): once a rate is established,
/// a sample far off its line is a jump, not a rate. The estimate re-anchors there and keeps the rate it had (1 if
/// that rate was measured too briefly to trust); if the samples after the jump do not follow it, the new rate is
/// measured from the jump on.
public struct ClockEstimate: Sendable, Equatable {
    struct Sample: Sendable, Equatable {
        var server: Date
        var local: Date
    }

    /// Where the current stretch of the server's clock starts: the first sample, or the first after a jump.
    private var anchor: Sample?
    private var latest: Sample?
    /// The rate assumed for the stretch until the samples disagree with it: 1 at first, the old rate after a jump.
    private var assumed: Double = 1
    /// Server seconds per local second.
    public private(set) var rate: Double = 1
    /// How coarse the server's times are: 1 for whole-second `Date` headers, 0 for exact times.
    private let resolution: TimeInterval

    public init(resolution: TimeInterval = 1) {
        self.resolution = resolution
    }

    /// Whether any header has been seen.
    public var hasSamples: Bool { latest != nil }

    /// Records a response's `Date` header (`server`, whole seconds unless `resolution` says otherwise) received at
    /// `local`.
    public mutating func add(server: Date, local: Date) {
        let sample = Sample(server: server.addingTimeInterval(resolution / 2), local: local)
        guard let anchor, let latest else {
            self.anchor = sample
            latest = sample
            return
        }
        if isJump(to: sample, anchor: anchor, latest: latest) {
            // A rate measured over less than 3 s may hold an earlier jump itself: keep the stretch's assumption then.
            if latest.local.timeIntervalSince(anchor.local) >= 3 { assumed = rate }
            rate = assumed
            self.anchor = sample
            self.latest = sample
            return
        }
        // Keep the most informative pair: the anchor and the newest sample.
        self.latest = sample
        let span = sample.local.timeIntervalSince(anchor.local)
        guard span >= 1 else { return }
        let measured = sample.server.timeIntervalSince(anchor.server) / span
        // Two half-second roundings could account for up to a second of disagreement, plus a second of margin.
        rate = abs(measured - assumed) * span > 2 ? measured : assumed
        if rate == assumed {
            self.latest = Sample(server: anchor.server.addingTimeInterval(span * assumed), local: sample.local)
        }
    }

    /// The server's time at local time `local` (the local time itself before any sample).
    public func now(local: Date) -> Date {
        guard let latest else { return local }
        return latest.server.addingTimeInterval(local.timeIntervalSince(latest.local) * rate)
    }

    /// Whether `sample` is off the line measured over the current stretch by more than the headers' rounding, the
    /// rate's own uncertainty (a second over the stretch measured) and a second of the server's pace (a simulator's
    /// clock moves in ticks) could explain. Before a second of the stretch has been measured there is no line to be
    /// off: a disagreement then is the rate being measured.
    private func isJump(to sample: Sample, anchor: Sample, latest: Sample) -> Bool {
        let measuredSpan = latest.local.timeIntervalSince(anchor.local)
        guard measuredSpan >= 1 else { return false }
        let elapsed = sample.local.timeIntervalSince(latest.local)
        let offLine = abs(sample.server.timeIntervalSince(now(local: sample.local)))
        return offLine > 3 + abs(rate) + 3 * abs(elapsed) / measuredSpan
    }
}
