import Foundation

/// This process's CPU time and resident memory at one moment, for status lines.
struct ProcessUsage {
    let wall: ContinuousClock.Instant
    /// User and system CPU seconds so far.
    let cpuSeconds: Double
    /// Resident set size in bytes (0 where /proc is not available).
    let residentBytes: Int

    static func now() -> ProcessUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ProcessUsage(wall: .now, cpuSeconds: cpu, residentBytes: residentBytes())
    }

    /// `cpu 45%  rss 1012 MiB`: CPU since `earlier` as a share of one core, and memory now.
    func summary(since earlier: ProcessUsage) -> String {
        let elapsed = wall - earlier.wall
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let share = seconds > 0 ? (cpuSeconds - earlier.cpuSeconds) / seconds * 100 : 0
        return "cpu \(Int(share.rounded()))%  rss \(residentBytes / 1_048_576) MiB"
    }

    /// The second field of /proc/self/statm (resident pages) times the page size.
    private static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
