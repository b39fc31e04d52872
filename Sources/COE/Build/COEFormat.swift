import Foundation

/// The document's formats: UTC times, durations, sizes, ratios.
public enum COEFormat {
    /// `10:04:05` (the document states UTC once).
    public static func time(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `2026-11-22`.
    public static func day(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `2026-11-22 10:04:05`.
    public static func dateTime(_ date: Date) -> String { "\(day(date)) \(time(date))" }

    /// `45s`, `12m 30s`, `1h 05m`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.magnitude.rounded())
        let sign = seconds < 0 ? "-" : ""
        if total < 60 { return "\(sign)\(total)s" }
        if total < 3600 { return "\(sign)\(total / 60)m" + (total % 60 == 0 ? "" : " \(total % 60)s") }
        return sign + String(format: "%dh %02dm", total / 3600, (total % 3600) / 60)
    }

    /// `T+2m 10s` from `origin`.
    public static func offset(_ date: Date, from origin: Date) -> String {
        let seconds = date.timeIntervalSince(origin)
        return "T" + (seconds < 0 ? "" : "+") + duration(seconds)
    }

    /// `170Mi`, `1.5Gi` (binary units, one decimal at most).
    public static func bytes(_ value: Double) -> String {
        for (suffix, size) in [("Gi", 1_073_741_824.0), ("Mi", 1_048_576.0), ("Ki", 1024.0)] where value >= size {
            let rounded = (value / size * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded))\(suffix)" : "\(rounded)\(suffix)"
        }
        return "\(Int(value))"
    }

    /// `37%`.
    public static func percent(_ ratio: Double) -> String { "\(Int((ratio * 100).rounded()))%" }

    /// `2 of 3 (67%)`.
    public static func share(_ part: Int, of whole: Int) -> String {
        whole > 0 ? "\(part) of \(whole) (\(percent(Double(part) / Double(whole))))" : "\(part)"
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()
}
