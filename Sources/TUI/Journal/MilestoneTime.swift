import Foundation

/// Reads the time typed for a milestone: `HH:MM` or `HH:MM:SS` in UTC (a trailing `UTC` is allowed), on the day of
/// the cluster's clock; a time more than an hour ahead of it is taken from the day before. Pure.
enum MilestoneTime {
    static func parse(_ text: String, near now: Date) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.uppercased().hasSuffix("UTC") { text = String(text.dropLast(3)).trimmingCharacters(in: .whitespaces) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        guard (2...3).contains(parts.count), numbers.count == parts.count else { return nil }
        let (hour, minute, second) = (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        let day = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let time = Date(timeIntervalSince1970: day + Double(hour * 3_600 + minute * 60 + second))
        return time.timeIntervalSince(now) > 3_600 ? time.addingTimeInterval(-86_400) : time
    }
}
