import Foundation

/// How well the running clock keeps up with real time.
public struct ClockStatus: Sendable, Equatable {
    /// The speed asked for (simulated seconds per wall second); 0 while the clock is not running.
    public var speed: Double
    public var isPaused: Bool
    /// Simulated seconds that passed per wall second over the last `ClockMeter.window` seconds.
    public var simulatedPerWallSecond: Double
    /// How far simulated time is behind where the speed asked for would have it, in simulated seconds.
    public var lagSeconds: Double
    /// CPU time a tick took (controllers, kubelets and the watch fan-out), the mean over the window, in milliseconds.
    public var tickCPUMilliseconds: Double
    /// CPU time the last tick took, in milliseconds.
    public var lastTickCPUMilliseconds: Double

    /// `1.00 sim s/s (speed 1) · lag 0.2 s · tick 12.3 ms CPU`, or `paused`.
    public var summary: String {
        if isPaused { return "paused" }
        if speed == 0 { return "stepped · tick \(Self.fixed(tickCPUMilliseconds, 1)) ms CPU" }
        return
            "\(Self.fixed(simulatedPerWallSecond, 2)) sim s/s (speed \(Self.fixed(speed, speed.rounded() == speed ? 0 : 2))) · lag \(Self.fixed(lagSeconds, 1)) s · tick \(Self.fixed(tickCPUMilliseconds, 1)) ms CPU"
    }

    var json: JSONValue {
        .object([
            "speed": .double(speed), "paused": .bool(isPaused),
            "simulatedPerWallSecond": .double((simulatedPerWallSecond * 1000).rounded() / 1000),
            "lagSeconds": .double((lagSeconds * 1000).rounded() / 1000),
            "tickCPUMilliseconds": .double((tickCPUMilliseconds * 1000).rounded() / 1000),
        ])
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}

/// Keeps the running clock's accounts: simulated time owed to the wall clock, progress samples and tick CPU times.
/// Pure: times are passed in, so it is tested without waiting.
struct ClockMeter {
    /// Seconds of wall time the rate and the tick CPU mean look back over.
    static let window = 10.0

    private(set) var speed = 0.0
    /// Simulated seconds owed: wall time × speed not yet advanced, as of `accountedAt`.
    private(set) var owed = 0.0
    private var accountedAt = 0.0
    private var isPaused = false
    private var progress: [(wall: Double, simulated: Double)] = []
    private var ticks: [(wall: Double, cpu: Double)] = []

    mutating func start(speed: Double, wall: Double, simulated: Double) {
        self.speed = speed
        owed = 0
        accountedAt = wall
        progress = [(wall, simulated)]
    }

    mutating func stop() { speed = 0 }

    /// Adds the wall time since the last call to what is owed (nothing while paused: paused time is not made up).
    mutating func accrue(wall: Double, isPaused paused: Bool) {
        if paused {
            owed = 0
        } else {
            owed += (wall - accountedAt) * speed
        }
        isPaused = paused
        accountedAt = wall
    }

    /// The whole simulated seconds to advance now.
    var wholeSecondsOwed: Double { owed.rounded(.down) }

    /// Records that `seconds` were advanced and where simulated time stands at `wall`.
    mutating func advanced(_ seconds: Double, wall: Double, simulated: Double) {
        owed -= seconds
        progress.append((wall, simulated))
        progress.removeFirst(max(0, (progress.firstIndex { $0.wall >= wall - Self.window } ?? 0) - 1))
    }

    mutating func recordTick(cpuSeconds: Double, wall: Double) {
        ticks.append((wall, cpuSeconds))
        if let first = ticks.firstIndex(where: { $0.wall >= wall - Self.window }), first > 0 {
            ticks.removeFirst(first)
        }
    }

    func status(wall: Double) -> ClockStatus {
        let recentTicks = ticks.filter { $0.wall >= wall - Self.window }
        let tickCPU = recentTicks.isEmpty ? 0 : recentTicks.reduce(0) { $0 + $1.cpu } / Double(recentTicks.count)
        var rate = 0.0
        if let first = progress.first, let last = progress.last, last.wall > first.wall {
            rate = (last.simulated - first.simulated) / (last.wall - first.wall)
        }
        let running = speed > 0
        return ClockStatus(
            speed: speed, isPaused: running && isPaused, simulatedPerWallSecond: running && !isPaused ? rate : 0,
            lagSeconds: running && !isPaused ? owed + (wall - accountedAt) * speed : 0,
            tickCPUMilliseconds: tickCPU * 1000, lastTickCPUMilliseconds: (ticks.last?.cpu ?? 0) * 1000)
    }
}

/// CPU time the calling thread has used, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
