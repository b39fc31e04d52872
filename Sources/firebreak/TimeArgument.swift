import ClusterModel
import Foundation

/// Times typed on the command line: RFC 3339, `YYYY-MM-DD` (midnight UTC), or `HH:MM[:SS]` today in UTC. Pure.
enum TimeArgument {
    static func parse(_ text: String, now: Date) -> Date? {
        if let date = KubeTime.parse(text) { return date }
        let parts = text.split(separator: "-")
        if parts.count == 3, let date = KubeTime.parse("\(text)T00:00:00Z") { return date }
        let clock = text.split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let (hour, minute, second) = (clock[0] ?? 0, clock[1] ?? 0, clock.count == 3 ? clock[2] ?? 0 : 0)
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        let midnight = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: midnight + Double(hour * 3600 + minute * 60 + second))
    }
}
