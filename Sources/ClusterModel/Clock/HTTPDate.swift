import Foundation

/// HTTP dates (`Sun, 29 Nov 2026 14:49:48 GMT`, RFC 7231's IMF-fixdate), parsed and formatted without a locale.
public enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date of an IMF-fixdate, or nil.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return KubeTime.parse(
            String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month + 1, day, time[0], time[1], time[2]))
    }
}
