/// One simulated second of a container's run, as its log is written: what it held and did during that second.
struct LogMoment: Sendable {
    /// The second the moment ends at; its lines fall in `(second - 1, second]` (the start second: just after it).
    var second: Int64
    /// Seconds since the container started (0: the start, when it prints its banner).
    var age: Int64
    var workingSetBytes: Double
    var cpuCores: Double
    var memoryLimitBytes: Double?
    /// Seeds this second's pseudo-random details (addresses, names, latencies), the same in every run.
    var seed: UInt64

    var residentMiB: Int { Int(workingSetBytes / 1_048_576) }
    var limitMiB: Int? { memoryLimitBytes.map { Int($0 / 1_048_576) } }

    /// True while the working set is above 85 % of the memory limit: the lines that tell an OOM story.
    var isNearMemoryLimit: Bool {
        memoryLimitBytes.map { workingSetBytes > 0.85 * $0 } ?? false
    }

    /// A pseudo-random number for line `index` of this second, salted by `salt`.
    func random(_ index: Int, _ salt: UInt64 = 0) -> UInt64 {
        var generator = SeededRandom(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9) ^ salt)
        return generator.next()
    }

    /// One of `choices`, picked for line `index`.
    func pick<T>(_ choices: [T], _ index: Int, _ salt: UInt64 = 0) -> T {
        choices[Int(random(index, salt) % UInt64(choices.count))]
    }

    /// The time of line `index` of `count` in this second, in nanoseconds since the epoch: spread evenly so the last
    /// line falls on the second itself (a run killed at that second ends with it).
    func nanos(_ index: Int, of count: Int) -> Int64 {
        if age == 0 { return second * 1_000_000_000 + Int64(index + 1) * 1_000_000 }
        return (second - 1) * 1_000_000_000 + Int64(index + 1) * 1_000_000_000 / Int64(max(1, count))
    }
}
