import Foundation
import Testing

@testable import ClusterModel

@Suite("Cluster clock from Date headers")
struct ClockEstimateTests {
    static let start = Date(timeIntervalSince1970: 1_795_251_600)

    @Test func beforeAnyHeaderTheLocalClockIsUsed() {
        #expect(ClockEstimate().now(local: Self.start) == Self.start)
    }

    @Test func aServerAheadOfTheLocalClockGivesItsOffset() {
        var estimate = ClockEstimate()
        estimate.add(server: Self.start.addingTimeInterval(3_600), local: Self.start)
        let now = estimate.now(local: Self.start.addingTimeInterval(10))
        #expect(abs(now.timeIntervalSince(Self.start.addingTimeInterval(3_610.5))) < 0.001)
    }

    /// Whole-second headers from a server in real time never give a rate other than 1.
    @Test(arguments: [0.0, 0.3, 0.7, 0.999])
    func aRealTimeServerKeepsRateOne(phase: Double) {
        var estimate = ClockEstimate()
        for second in 0...120 {
            let local = Self.start.addingTimeInterval(Double(second) + phase)
            let header = Date(timeIntervalSince1970: (local.timeIntervalSince1970 + 42).rounded(.down))
            estimate.add(server: header, local: local)
        }
        #expect(estimate.rate == 1)
        let local = Self.start.addingTimeInterval(200)
        #expect(abs(estimate.now(local: local).timeIntervalSince(local) - 42) <= 1)
    }

    /// A simulator at --speed 60 is measured within seconds, so a 15-minute hold takes 15 seconds to see.
    @Test(arguments: [60.0, 20.0, 0.0])
    func aFasterOrPausedSimulatorIsMeasured(speed: Double) {
        var estimate = ClockEstimate()
        for tenth in 0...30 {
            let local = Self.start.addingTimeInterval(Double(tenth) / 10)
            let server = Self.start.addingTimeInterval((Double(tenth) / 10 * speed).rounded(.down))
            estimate.add(server: server, local: local)
        }
        #expect(abs(estimate.rate - speed) <= max(1, speed * 0.05))
        let later = estimate.now(local: Self.start.addingTimeInterval(13))
        #expect(abs(later.timeIntervalSince(Self.start) - 13 * speed) <= max(2, speed * 13 * 0.05))
    }

    /// A step of the server's clock (a simulator moved on by `/sim/advance`, NTP stepping a real server) moves the
    /// offset once: the rate stays what it was, and the time read right after the step is the server's.
    @Test(arguments: [
        (speed: 0.0, step: 180.0, every: 0.1), (speed: 0.0, step: 180.0, every: 2),
        (speed: 1.0, step: 30.0, every: 0.5),
        (speed: 1.0, step: -20.0, every: 0.5), (speed: 60.0, step: 180.0, every: 0.1),
        (speed: 20.0, step: 600.0, every: 1),
    ])
    func aSteppedClockJumpsAndKeepsItsRate(speed: Double, step: Double, every interval: Double) {
        func server(_ seconds: Double) -> Date {
            Self.start.addingTimeInterval((seconds * speed + (seconds > 10 ? step : 0)).rounded(.down))
        }
        var estimate = ClockEstimate()
        var worst = 0.0
        for index in 0...Int(20 / interval) {
            let seconds = Double(index) * interval + 0.05
            estimate.add(server: server(seconds), local: Self.start.addingTimeInterval(seconds))
            guard seconds > 10 else { continue }
            let read = estimate.now(local: Self.start.addingTimeInterval(seconds))
            worst = max(worst, abs(read.timeIntervalSince(server(seconds))))
        }
        #expect(worst <= 1, "the server's time at every sample after the step")
        #expect(abs(estimate.rate - speed) <= max(0.1, speed * 0.05))
        let later = estimate.now(local: Self.start.addingTimeInterval(25))
        #expect(abs(later.timeIntervalSince(server(25))) <= max(2, speed * 0.25))
    }

    /// A simulator at 60x moves its clock 6 s per 100 ms tick, and a busy one misses ticks and catches up: that is its
    /// pace, not a jump, and the rate measured over the whole run stays 60.
    @Test func aTickingSimulatorClockIsNotReadAsJumps() {
        var estimate = ClockEstimate()
        var worst = 0.0
        for index in 0...100 {
            let seconds = Double(index) * 0.37
            // Ticks every 0.1 s, but none between 10 s and 10.5 s (a stalled tick loop) until it catches up.
            let ticks = (seconds >= 10 && seconds < 10.5 ? 100 : seconds * 10).rounded(.down)
            let server = Self.start.addingTimeInterval(ticks * 6)
            estimate.add(server: server, local: Self.start.addingTimeInterval(seconds))
            let read = estimate.now(local: Self.start.addingTimeInterval(seconds))
            if seconds > 3 { worst = max(worst, abs(read.timeIntervalSince(server))) }
        }
        #expect(abs(estimate.rate - 60) <= 1)
        #expect(worst <= 10, "within two ticks of the server at every sample")
    }

    /// A step in the first second, before any rate is measured, is read at first as a rate; the next samples show
    /// the clock back at its old pace, so the time read does not run away.
    @Test func aStepBeforeTheRateIsMeasuredDoesNotRunAway() {
        var estimate = ClockEstimate()
        for (seconds, server) in [(0.0, 0.0), (0.5, 180.0), (1.0, 180.0), (3.0, 180.0), (7.0, 180.0), (15.0, 180.0)] {
            estimate.add(
                server: Self.start.addingTimeInterval(server), local: Self.start.addingTimeInterval(seconds))
        }
        #expect(estimate.rate == 0)
        let later = estimate.now(local: Self.start.addingTimeInterval(30))
        #expect(abs(later.timeIntervalSince(Self.start.addingTimeInterval(180.5))) <= 1)
    }

    @Test func httpDatesParse() {
        #expect(HTTPDate.parse("Sun, 29 Nov 2026 14:49:48 GMT") == KubeTime.parse("2026-11-29T14:49:48Z"))
        #expect(HTTPDate.parse("Sunday, 29-Nov-26 14:49:48 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 29 Foo 2026 14:49:48 GMT") == nil)
    }

    @Test func aClusterClockNeverGoesBackwards() {
        let local = SettableTime(Self.start)
        let clock = ClusterClock(localClock: { local.now })
        clock.observe(dateHeader: "Sun, 29 Nov 2026 14:49:48 GMT")
        let first = clock.now()
        local.now = Self.start.addingTimeInterval(0.2)
        clock.observe(dateHeader: "Sun, 29 Nov 2026 14:49:40 GMT")
        #expect(clock.now() >= first)
    }
}

/// A local clock a test moves by hand.
final class SettableTime: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
