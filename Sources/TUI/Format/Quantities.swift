/// Short resource amounts as the console shows them: `170Mi`, `1.5Gi`, `250m`, `2`.
public enum Quantities {
    /// Bytes in binary units with at most one decimal: `170Mi`, `1.5Gi`, `512Ki`, `900`.
    public static func bytes(_ value: Int64) -> String {
        let units: [(String, Double)] = [
            ("Ti", 1_099_511_627_776), ("Gi", 1_073_741_824), ("Mi", 1_048_576), ("Ki", 1024),
        ]
        for (suffix, size) in units where Double(value) >= size {
            let tenths = (Double(value) / size * 10).rounded()
            let whole = Int(tenths) / 10
            let fraction = Int(tenths) % 10
            return fraction == 0 || whole >= 100
                ? "\(Int((Double(value) / size).rounded()))\(suffix)" : "\(whole).\(fraction)\(suffix)"
        }
        return "\(value)"
    }

    /// Millicores as cores when whole (`2`), otherwise millicores (`250m`).
    public static func millicores(_ value: Int64) -> String {
        value % 1000 == 0 ? "\(value / 1000)" : "\(value)m"
    }

    /// A ratio as a whole percentage: `0.374` → `37%`.
    public static func percent(_ ratio: Double) -> String {
        "\(Int((ratio * 100).rounded()))%"
    }

    /// `used/total` with an optional percentage, or `-` when unknown.
    static func usage(_ used: Int64?, of total: Int64?, format: (Int64) -> String) -> String {
        switch (used, total) {
        case (let used?, let total?) where total > 0:
            "\(format(used))/\(format(total)) \(percent(Double(used) / Double(total)))"
        case (let used?, _): format(used)
        case (nil, let total?): "-/\(format(total))"
        default: "-"
        }
    }
}
