import Foundation

/// Lets a report through at most once per `interval`, from any thread.
final class ReportThrottle: @unchecked Sendable {
    private let interval: TimeInterval
    private let lock = NSLock()
    private var last: Date?

    init(interval: TimeInterval) {
        self.interval = interval
    }

    func shouldReport(now: Date = Date()) -> Bool {
        lock.withLock {
            if let last, now.timeIntervalSince(last) < interval { return false }
            last = now
            return true
        }
    }
}
