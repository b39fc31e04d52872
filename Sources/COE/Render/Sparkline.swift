import Foundation

/// Unicode sparklines (`▁▂▃▅▇█`) for the Markdown beside each chart: one line per series.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Longer series are bucketed (the maximum of each bucket) to this many characters.
    static let width = 48

    /// `▁▂▃▅▇█` for `values` scaled from 0 (or the minimum, when `fromZero` is false) to `ceiling` or the maximum.
    public static func render(_ values: [Double], ceiling: Double? = nil) -> String {
        guard !values.isEmpty else { return "" }
        let bucketed: [Double]
        if values.count > width {
            bucketed = (0..<width).map { index in
                let from = index * values.count / width
                let to = max(from + 1, (index + 1) * values.count / width)
                return values[from..<to].max() ?? 0
            }
        } else {
            bucketed = values
        }
        let top = max(ceiling ?? 0, bucketed.max() ?? 0)
        guard top > 0 else { return String(repeating: levels[0], count: bucketed.count) }
        return String(
            bucketed.map { value in
                levels[min(levels.count - 1, max(0, Int((value / top * Double(levels.count - 1)).rounded())))]
            })
    }

    /// One line per series: `coredns-1/coredns ▁▂▅█ 60Mi → 169Mi (max 169Mi, limit 170Mi, 12 samples)`.
    static func lines(_ chart: Chart) -> [String] {
        chart.series.filter { !$0.points.isEmpty }.map { series in
            let values = series.points.map(\.value)
            let limit = series.limit.map(\.value).max()
            let format = { (value: Double) in Self.format(value, chart.metric) }
            var facts = ["max \(format(values.max() ?? 0))"]
            if let limit { facts.append("limit \(format(limit))") }
            facts.append("\(values.count) sample\(values.count == 1 ? "" : "s")")
            return "\(series.name) \(render(values, ceiling: chart.metric == .throttling ? 1 : limit)) "
                + "\(format(values.first ?? 0)) → \(format(values.last ?? 0)) (\(facts.joined(separator: ", ")))"
        }
    }

    static func format(_ value: Double, _ metric: Chart.Metric) -> String {
        switch metric {
        case .memory: COEFormat.bytes(value)
        case .restarts: String(Int(value))
        case .throttling: COEFormat.percent(value)
        }
    }
}
