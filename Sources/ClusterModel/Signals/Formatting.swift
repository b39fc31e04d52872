import Foundation

/// Short human formats for evidence lines.
enum Formatting {
    /// `170Mi`, `1.5Gi`, `512Ki`, `900` (bytes, binary units).
    static func bytes(_ value: Int64) -> String {
        let units: [(String, Double)] = [("Gi", 1_073_741_824), ("Mi", 1_048_576), ("Ki", 1024)]
        for (suffix, size) in units where Double(value) >= size {
            let scaled = Double(value) / size
            let rounded = (scaled * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded))\(suffix)" : "\(rounded)\(suffix)"
        }
        return "\(value)"
    }

    /// `45s`, `10m`, `2h`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        return "\(s / 3600)h"
    }

    static func percent(_ ratio: Double) -> String { "\(Int((ratio * 100).rounded()))%" }

    static func millicores(_ value: Int64) -> String { value % 1000 == 0 ? "\(value / 1000)" : "\(value)m" }
}
