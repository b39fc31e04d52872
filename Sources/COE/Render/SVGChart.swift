import Foundation

/// A chart as a standalone SVG: a point (`circle.sample`) per recorded sample, a line per series, the memory limit
/// as a dashed step line, and a vertical marker (`line.milestone`) per milestone.
public enum SVGChart {
    static let width = 720.0
    static let height = 270.0
    static let left = 64.0
    static let right = 16.0
    static let top = 58.0
    static let bottom = 36.0
    static let palette = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
    static let markerColor = "#d62728"
    static let limitColor = "#ff7f0e"

    public static func render(_ chart: Chart) -> String {
        let times = chart.series.flatMap { $0.points.map(\.time) } + chart.markers.map(\.time)
        let start = times.min() ?? Date(timeIntervalSince1970: 0)
        let end = max(times.max() ?? start, start.addingTimeInterval(1))
        let values = chart.series.flatMap { $0.points.map(\.value) + $0.limit.map(\.value) }
        let ceiling: Double =
            switch chart.metric {
            case .throttling: 1
            case .restarts: max(1, values.max() ?? 1)
            case .memory: max(1, (values.max() ?? 1) * 1.1)
            }
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let bottomY = top + plotHeight
        let x = { (time: Date) in left + time.timeIntervalSince(start) / end.timeIntervalSince(start) * plotWidth }
        let y = { (value: Double) in top + plotHeight - min(1, max(0, value / ceiling)) * plotHeight }

        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
                + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">",
            "<title>\(escape(chart.title))</title>",
            element("rect", ["x": "0", "y": "0", "width": n(width), "height": n(height), "fill": "#ffffff"]),
            element("text", ["x": n(left), "y": "16", "font-size": "13", "font-weight": "bold"], chart.title),
            element(
                "line",
                [
                    "class": "axis", "x1": n(left), "y1": n(bottomY), "x2": n(width - right), "y2": n(bottomY),
                    "stroke": "#444",
                ]),
            element(
                "line",
                ["class": "axis", "x1": n(left), "y1": n(top), "x2": n(left), "y2": n(bottomY), "stroke": "#444"]),
            element(
                "text", ["x": n(left - 6), "y": n(top + 4), "text-anchor": "end"],
                Sparkline.format(ceiling, chart.metric)),
            element("text", ["x": n(left - 6), "y": n(bottomY), "text-anchor": "end"], "0"),
            element("text", ["x": n(left), "y": n(height - 8)], "\(COEFormat.time(start)) UTC"),
            element(
                "text", ["x": n(width - right), "y": n(height - 8), "text-anchor": "end"], "\(COEFormat.time(end)) UTC"),
        ]
        for (index, marker) in chart.markers.enumerated() {
            let position = n(x(marker.time))
            svg.append(
                element(
                    "line",
                    [
                        "class": "milestone", "data-milestone": marker.milestone.rawValue, "x1": position, "y1": n(top),
                        "x2": position, "y2": n(bottomY), "stroke": markerColor, "stroke-dasharray": "4 3",
                    ],
                    child: "<title>\(escape(marker.milestone.title)) \(COEFormat.time(marker.time))</title>"))
            svg.append(
                element(
                    "text",
                    [
                        "x": position, "y": n(top - 4 - Double(index % 2) * 11), "text-anchor": "middle",
                        "fill": markerColor,
                    ],
                    marker.milestone.title))
        }
        for (index, series) in chart.series.enumerated() {
            let color = palette[index % palette.count]
            if !series.limit.isEmpty {
                var path: [String] = []
                for (offset, point) in series.limit.enumerated() {
                    if offset > 0 { path.append("\(n(x(point.time))),\(n(y(series.limit[offset - 1].value)))") }
                    path.append("\(n(x(point.time))),\(n(y(point.value)))")
                }
                svg.append(
                    element(
                        "polyline",
                        [
                            "class": "limit", "data-series": series.name, "points": path.joined(separator: " "),
                            "fill": "none", "stroke": limitColor, "stroke-width": "1.5", "stroke-dasharray": "6 3",
                        ]))
            }
            if series.points.count > 1 {
                svg.append(
                    element(
                        "polyline",
                        [
                            "class": "series", "data-series": series.name,
                            "points": series.points.map { "\(n(x($0.time))),\(n(y($0.value)))" }.joined(separator: " "),
                            "fill": "none", "stroke": color, "stroke-width": "1.5",
                        ]))
            }
            for point in series.points {
                svg.append(
                    element(
                        "circle",
                        [
                            "class": "sample", "data-series": series.name, "cx": n(x(point.time)),
                            "cy": n(y(point.value)), "r": "2", "fill": color,
                        ]))
            }
        }
        var legend = chart.series.enumerated().map { index, series in
            element("tspan", ["fill": palette[index % palette.count]], "● \(series.name) ")
        }
        if chart.metric == .memory { legend.append(element("tspan", ["fill": limitColor], "- - limit")) }
        svg.append(
            element("text", ["x": n(left), "y": "32"], child: legend.joined()))
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// `<name a="1">text</name>` with attributes in a stable order and everything escaped.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ text: String) -> String {
        element(name, attributes, child: escape(text))
    }

    /// `<name a="1">child</name>` (child already markup), or `<name a="1"/>` without one.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, child: String? = nil) -> String {
        let list = attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
        guard let child else { return "<\(name)\(list)/>" }
        return "<\(name)\(list)>\(child)</\(name)>"
    }

    /// A coordinate rounded to one decimal (`12.3`, `40.0`), without `String(format:)`'s cost on every point.
    static func n(_ value: Double) -> String { "\((value * 10).rounded() / 10)" }

    /// XML text escaping.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
