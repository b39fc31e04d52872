/// A one-line progress bar with counts: `Syncing pods ▕██████▌      ▏ 61,000 / 150,000`.
public struct ProgressBar: Hashable, Sendable {
    public var label: String
    public var completed: Int
    public var total: Int

    public init(label: String, completed: Int, total: Int) {
        self.label = label
        self.completed = completed
        self.total = total
    }

    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar alone, `width` cells wide, filled in eighths of a cell.
    func bar(width: Int) -> String {
        guard width > 0 else { return "" }
        let fraction = total > 0 ? min(1, max(0, Double(completed) / Double(total))) : 0
        let eighths = Int((fraction * Double(width * 8)).rounded(.down))
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(Self.partials[eighths % 8 - 1]) }
        return text + String(repeating: " ", count: width - text.count)
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        let counts = " \(completed.formattedWithGrouping) / \(total.formattedWithGrouping)"
        let barWidth = min(40, line.width - label.displayWidth - counts.displayWidth - 3)
        guard barWidth >= 5 else {
            screen.put(label + counts, in: line, style: Style(.dim))
            return
        }
        var x = screen.put(label + " ▕", x: line.x, y: line.y, style: Style(.normal), clip: line)
        x = screen.put(bar(width: barWidth), x: x, y: line.y, style: Style(.sparkline), clip: line)
        screen.put("▏" + counts, x: x, y: line.y, style: Style(.normal), clip: line)
    }
}
