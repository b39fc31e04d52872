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
