import Foundation

/// The header clock: `03:12:45 UTC` for seconds since 1970.
public enum UTCClock {
    public static func text(secondsSince1970 seconds: Int64) -> String {
        timeOfDay(secondsSince1970: seconds) + " UTC"
    }

    /// `03:12:45 UTC` for a moment.
    public static func text(_ date: Date) -> String {
        text(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// `03:12:45`: the time of day in UTC.
    public static func timeOfDay(secondsSince1970 seconds: Int64) -> String {
        let ofDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(twoDigits(ofDay / 3_600)):\(twoDigits(ofDay / 60 % 60)):\(twoDigits(ofDay % 60))"
    }
}
