import Foundation

/// Process measurements from /proc and getrusage.
enum Measure {
    /// A field of /proc/self/status in bytes (`VmRSS`, `VmHWM`).
    static func selfMemory(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
        }
        return 0
    }

    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    struct Child {
        let seconds: Double
        let peakBytes: Int
        let stdoutLines: Int
        let status: Int32
    }

    /// Runs a command, counting its output lines, and returns its wall time and peak RSS.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Child {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
            separator: " ")
        process.arguments = ["-c", "exec \(quoted)"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        var lines = 0
        while true {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            lines += data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Child(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            peakBytes: Int(usage.ru_maxrss) * 1024, stdoutLines: lines, status: process.terminationStatus)
    }

    /// The middle value (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mib(_ bytes: Int) -> String { String(format: "%.0f MiB", Double(bytes) / 1_048_576) }
    static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
}
