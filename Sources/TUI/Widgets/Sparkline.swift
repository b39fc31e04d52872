/// A chart of recent values in block characters (`▁▂▃▄▅▆▇█`), with an optional limit.
///
/// The newest values are on the right. With a limit, the scale reaches at least the limit;
/// on one row bars at or above it use `sparklineLimit`, on more rows the limit is a `─` line.
public struct Sparkline: Hashable, Sendable {
    public var values: [Double]
    public var limit: Double?

    public init(values: [Double], limit: Double? = nil) {
        self.values = values
        self.limit = limit
    }

    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Bar heights in eighths of a row for the last `width` values on `rows` rows.
    func eighths(width: Int, rows: Int) -> [Int] {
        let shown = values.suffix(width)
        let top = max(shown.max() ?? 0, limit ?? 0)
        guard top > 0 else { return shown.map { _ in 0 } }
        return shown.map { value in
            let scaled = (max(0, value) / top * Double(rows * 8)).rounded()
            return value > 0 ? max(1, Int(scaled)) : 0
        }
    }

    /// The row (counted from the bottom) the limit line is drawn on.
    func limitRow(rows: Int) -> Int? {
        guard let limit, limit > 0 else { return nil }
        let top = max(values.max() ?? 0, limit)
        return min(rows - 1, max(0, Int((limit / top * Double(rows)).rounded(.up)) - 1))
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let heights = eighths(width: rect.width, rows: rect.height)
        let lineRow = rect.height > 1 ? limitRow(rows: rect.height) : nil
        let startX = rect.maxX - heights.count
        for (offset, height) in heights.enumerated() {
            let value = values[values.count - heights.count + offset]
            let isOverLimit = limit.map { value >= $0 } ?? false
            let barStyle = Style(isOverLimit && rect.height == 1 ? .sparklineLimit : .sparkline)
            for row in 0..<rect.height {
                let filled = height - row * 8
                let y = rect.maxY - 1 - row
                if filled > 0 {
                    screen.put(
                        String(Sparkline.blocks[min(8, filled) - 1]), x: startX + offset, y: y, style: barStyle,
                        clip: rect)
                } else if row == lineRow {
                    screen.put("─", x: startX + offset, y: y, style: Style(.sparklineLimit), clip: rect)
                }
            }
        }
    }
}
