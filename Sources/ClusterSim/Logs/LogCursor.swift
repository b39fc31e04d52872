/// Walks a container run second by second and writes its log: the working set follows the demand curve as the
/// simulated kubelet's does (the same start and smoothing), so a run that was OOM-killed ends near its limit.
struct LogCursor: Sendable {
    let instance: ContainerInstance
    /// The last second whose lines were written.
    private(set) var second: Int64
    private var workingSet = 0.0

    init(_ instance: ContainerInstance) {
        self.instance = instance
        second = instance.start - 1
    }

    /// The last second the run has lines for, up to `now`.
    func lastSecond(now: Int64) -> Int64 {
        min(now, instance.end ?? now)
    }

    /// True once every second of an ended run has been written.
    var isFinished: Bool {
        instance.end.map { second >= $0 } ?? false
    }

    /// The moments after the last written one, through `last`.
    mutating func moments(through last: Int64, _ body: (LogMoment) -> Void) {
        let seed = UInt64(bitPattern: Int64(instance.containerID.hashValueStable))
        while second < min(last, instance.end ?? last) {
            second += 1
            let story = Double(second) - instance.storyStart
            let wanted = instance.demand.memory(story, instance.jitter)
            if second == instance.start { workingSet = wanted * 0.3 }
            workingSet += (wanted - workingSet) * 0.05
            let cores = instance.demand.cpu(story, instance.jitter)
            body(
                LogMoment(
                    second: second, age: second - instance.start, workingSetBytes: workingSet,
                    cpuCores: instance.cpuLimitCores.map { min($0, cores) } ?? cores,
                    memoryLimitBytes: instance.memoryLimitBytes,
                    seed: seed ^ UInt64(bitPattern: second &* 0x1000_0000_01B3)))
        }
    }

    /// The lines after the last written one, through `last`.
    mutating func lines(through last: Int64) -> [SimLogLine] {
        var lines: [SimLogLine] = []
        let voice = instance.voice
        moments(through: last) { moment in
            let count = voice.lineCount(moment)
            for index in 0..<count {
                lines.append(
                    SimLogLine(nanos: moment.nanos(index, of: count), text: voice.line(index, of: count, moment)))
            }
        }
        return lines
    }

    /// The last `limit` lines (all when nil) through `last`, not older than `notBefore` (a second); only those lines
    /// are formatted, however long the run.
    mutating func tail(_ limit: Int?, through last: Int64, notBefore: Int64? = nil) -> [SimLogLine] {
        let voice = instance.voice
        var kept: [(moment: LogMoment, count: Int)] = []
        var first = 0
        var total = 0
        moments(through: last) { moment in
            if let notBefore, moment.second < notBefore { return }
            let count = voice.lineCount(moment)
            guard count > 0 else { return }
            kept.append((moment, count))
            total += count
            guard let limit else { return }
            while first < kept.count, total - kept[first].count >= limit {
                total -= kept[first].count
                first += 1
            }
            if first > 4096, first * 2 > kept.count {
                kept.removeFirst(first)
                first = 0
            }
        }
        var lines: [SimLogLine] = []
        var skip = limit.map { max(0, total - $0) } ?? 0
        for (moment, count) in kept[first...] {
            for index in 0..<count {
                if skip > 0 {
                    skip -= 1
                    continue
                }
                lines.append(
                    SimLogLine(nanos: moment.nanos(index, of: count), text: voice.line(index, of: count, moment)))
            }
        }
        return lines
    }
}

/// One line of a simulated container log.
struct SimLogLine: Sendable, Equatable {
    /// Nanoseconds since the epoch.
    var nanos: Int64
    var text: String

    /// The line as the kubelet sends it: with `timestamps=true`, an RFC 3339 time with nine fraction digits first.
    func rendered(timestamps: Bool) -> String {
        guard timestamps else { return text + "\n" }
        let seconds = nanos / 1_000_000_000
        let fraction = String(nanos - seconds * 1_000_000_000)
        let stamp = Timestamp(seconds: seconds).rfc3339.dropLast()
        return "\(stamp).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)Z \(text)\n"
    }
}
