/// One `label: value` line of a detail view; `role` colours the value.
public struct DetailField: Hashable, Sendable {
    public var label: String
    public var value: String
    public var role: Role?

    public init(_ label: String, _ value: String, role: Role? = nil) {
        self.label = label
        self.value = value
        self.role = role
    }
}

/// A titled group of fields (for example a container's requests, limits and last state).
public struct DetailSection: Hashable, Sendable {
    public var title: String
    public var fields: [DetailField]

    public init(_ title: String, fields: [DetailField]) {
        self.title = title
        self.fields = fields
    }
}

/// A labelled one-line chart: `Memory   ▁▂▃▅▇█▇  169Mi / 170Mi`.
public struct DetailChart: Hashable, Sendable {
    public var label: String
    public var sparkline: Sparkline
    public var caption: String

    public init(_ label: String, sparkline: Sparkline, caption: String) {
        self.label = label
        self.sparkline = sparkline
        self.caption = caption
    }
}

/// The detail of one object: charts on top, then sections of fields, scrollable by line.
public struct DetailView: Hashable, Sendable {
    public var title: String
    public var charts: [DetailChart]
    public var sections: [DetailSection]
    public var scrollOffset: Int

    public init(title: String, charts: [DetailChart] = [], sections: [DetailSection], scrollOffset: Int = 0) {
        self.title = title
        self.charts = charts
        self.sections = sections
        self.scrollOffset = scrollOffset
    }

    private enum Line: Hashable {
        case chart(DetailChart)
        case heading(String)
        case field(DetailField, labelWidth: Int)
        case blank
    }

    private var lines: [Line] {
        var lines = charts.map(Line.chart)
        for section in sections {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.heading(section.title))
            let labelWidth = min(20, section.fields.map(\.label.displayWidth).max() ?? 0)
            lines += section.fields.map { .field($0, labelWidth: labelWidth) }
        }
        return lines
    }

    /// How many lines the view has, for scrolling.
    public var lineCount: Int { lines.count }

    public func render(in rect: Rect, on screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        screen.fill(rect)
        screen.box(rect, title: title, style: Style(.title))
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let all = lines
        let first = min(max(0, scrollOffset), max(0, all.count - inner.height))
        for (offset, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            draw(line, in: inner.row(offset), on: &screen)
        }
    }

    private func draw(_ line: Line, in row: Rect, on screen: inout Screen) {
        switch line {
        case .blank:
            break
        case .heading(let title):
            screen.put(title, in: row, style: Style(.title))
        case .field(let field, let labelWidth):
            let x = screen.put(
                "  " + field.label.padded(toWidth: labelWidth) + "  ", x: row.x, y: row.y, style: Style(.dim), clip: row
            )
            screen.put(
                field.value, in: Rect(x: x, y: row.y, width: row.maxX - x, height: 1),
                style: Style(field.role ?? .normal))
        case .chart(let chart):
            let labelWidth = 10
            let captionWidth = min(row.width / 3, chart.caption.displayWidth)
            screen.put(chart.label, in: Rect(x: row.x, y: row.y, width: labelWidth, height: 1), style: Style(.dim))
            let chartWidth = max(0, row.width - labelWidth - captionWidth - 1)
            chart.sparkline.render(in: Rect(x: row.x + labelWidth, y: row.y, width: chartWidth, height: 1), on: &screen)
            screen.put(
                chart.caption, in: Rect(x: row.maxX - captionWidth, y: row.y, width: captionWidth, height: 1),
                alignment: .right)
        }
    }
}
