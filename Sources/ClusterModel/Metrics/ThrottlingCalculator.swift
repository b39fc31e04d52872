import Foundation

/// Throttled-period ratios over a sliding window, from successive cAdvisor scrapes. Pure: feed scrapes, read ratios.
public struct ThrottlingCalculator: Sendable {
    public var window: TimeInterval
    private var history: [ContainerRef: [Point]] = [:]

    struct Point: Sendable {
        var time: Date
        var periods: Double
        var throttled: Double
    }

    public init(window: TimeInterval = 300) {
        self.window = window
    }

    /// Records the CFS counters of every container in `scrape`.
    public mutating func record(_ scrape: CadvisorScrape) {
        for (ref, counters) in scrape.containers {
            guard let periods = counters.cfsPeriods, let throttled = counters.cfsThrottledPeriods else { continue }
            var points = history[ref] ?? []
            points.append(Point(time: scrape.time, periods: periods, throttled: throttled))
            let oldest = scrape.time.addingTimeInterval(-window * 2)
            points.removeAll { $0.time < oldest }
            history[ref] = points
        }
    }

    /// Forgets a container (its pod is gone).
    public mutating func forget(_ ref: ContainerRef) {
        history[ref] = nil
    }

    /// Throttled periods / periods over the last `window` before `now`, summing only non-negative deltas
    /// (a negative delta is a counter reset). `nil` without two samples or without elapsed periods.
    public func ratio(for ref: ContainerRef, now: Date) -> Double? {
        guard let points = history[ref] else { return nil }
        let start = now.addingTimeInterval(-window)
        let recent = points.filter { $0.time >= start && $0.time <= now }
        guard recent.count >= 2 else { return nil }
        var periods = 0.0
        var throttled = 0.0
        for (a, b) in zip(recent, recent.dropFirst()) {
            let dp = b.periods - a.periods
            let dt = b.throttled - a.throttled
            guard dp >= 0, dt >= 0 else { continue }
            periods += dp
            throttled += dt
        }
        return periods > 0 ? throttled / periods : nil
    }

    /// Every container with a ratio at `now`.
    public func ratios(now: Date) -> [ContainerRef: Double] {
        var out: [ContainerRef: Double] = [:]
        for ref in history.keys {
            if let r = ratio(for: ref, now: now) { out[ref] = r }
        }
        return out
    }
}
