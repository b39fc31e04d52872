/// Short ages as `kubectl get` shows them: `45s`, `2m30s`, `12m`, `5h20m`, `20h`, `3d4h`, `30d`, `2y10d`.
///
/// Precision drops as the age grows: seconds up to 10 minutes, minutes up to 8 hours,
/// hours up to 8 days, days up to 8 years.
public enum Age {
    public static func short(seconds: Int) -> String {
        guard seconds >= 0 else { return "0s" }
        let minutes = seconds / 60
        let hours = seconds / 3_600
        let days = seconds / 86_400
        let years = days / 365
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return pair(minutes, "m", seconds % 60, "s")
        case ..<(3 * 3_600): return "\(minutes)m"
        case ..<(8 * 3_600): return pair(hours, "h", minutes % 60, "m")
        case ..<(48 * 3_600): return "\(hours)h"
        case ..<(8 * 86_400): return pair(days, "d", hours % 24, "h")
        case ..<(2 * 365 * 86_400): return "\(days)d"
        case ..<(8 * 365 * 86_400): return pair(years, "y", days % 365, "d")
        default: return "\(years)y"
        }
    }

    private static func pair(_ major: Int, _ majorUnit: String, _ minor: Int, _ minorUnit: String) -> String {
        minor == 0 ? "\(major)\(majorUnit)" : "\(major)\(majorUnit)\(minor)\(minorUnit)"
    }
}
