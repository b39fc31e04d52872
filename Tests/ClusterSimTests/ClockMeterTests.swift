import Testing

@testable import ClusterSim

/// The running clock's accounts, with the wall time passed in.
@Suite("Clock meter")
struct ClockMeterTests {
    @Test func aClockThatKeepsUpHasNoLagAndRunsAtItsSpeed() {
        var meter = ClockMeter()
        meter.start(speed: 2, wall: 0, simulated: 0)
        for step in 1...20 {
            let wall = Double(step) * 0.5
            meter.accrue(wall: wall, isPaused: false)
            let whole = meter.wholeSecondsOwed
            meter.advanced(whole, wall: wall, simulated: Double(step))
        }
        let status = meter.status(wall: 10)
        #expect(status.simulatedPerWallSecond == 2)
        #expect(status.lagSeconds == 0)
        #expect(status.summary.hasPrefix("2.00 sim s/s (speed 2) · lag 0.0 s"))
    }

    @Test func aClockWhoseTicksTakeLongerThanRealTimeFallsBehind() {
        var meter = ClockMeter()
        meter.start(speed: 1, wall: 0, simulated: 0)
        meter.accrue(wall: 1, isPaused: false)
        #expect(meter.wholeSecondsOwed == 1)
        meter.recordTick(cpuSeconds: 3, wall: 4)
        meter.advanced(1, wall: 4, simulated: 1)
        let status = meter.status(wall: 4)
        #expect(status.lagSeconds == 3, "three wall seconds passed while one simulated second was made")
        #expect(status.simulatedPerWallSecond == 0.25)
        #expect(status.tickCPUMilliseconds == 3000)
        #expect(status.lastTickCPUMilliseconds == 3000)
    }

    @Test func pausedTimeIsNeitherOwedNorCountedAsLag() {
        var meter = ClockMeter()
        meter.start(speed: 1, wall: 0, simulated: 0)
        meter.accrue(wall: 0.6, isPaused: false)
        meter.accrue(wall: 30, isPaused: true)
        let paused = meter.status(wall: 30)
        #expect(paused.isPaused)
        #expect(paused.lagSeconds == 0)
        #expect(paused.summary == "paused")
        meter.accrue(wall: 30.5, isPaused: false)
        #expect(meter.wholeSecondsOwed == 0, "the paused half minute is not made up")
    }

    @Test func tickCPUIsAveragedOverTheLastWindowOnly() {
        var meter = ClockMeter()
        meter.recordTick(cpuSeconds: 1, wall: 0)
        meter.recordTick(cpuSeconds: 0.010, wall: 20)
        meter.recordTick(cpuSeconds: 0.030, wall: 21)
        let status = meter.status(wall: 21)
        #expect(abs(status.tickCPUMilliseconds - 20) < 1e-9)
        #expect(status.speed == 0, "a clock that is not running reports no speed")
        #expect(status.summary == "stepped · tick 20.0 ms CPU")
    }
}
