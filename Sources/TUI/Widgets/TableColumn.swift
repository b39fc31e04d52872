/// One column of a table: its title, how wide it may be and how its text is aligned.
public struct TableColumn: Hashable, Sendable {
    /// How a column's width is chosen.
    public enum Width: Hashable, Sendable {
        /// Always exactly this many columns.
        case fixed(Int)
        /// At least `min` columns; space left over is shared between flexible columns by `weight`.
        case flex(min: Int, weight: Int = 1)
    }

    /// Where text too wide for a column is cut.
    public enum Truncation: Hashable, Sendable {
        /// `skipper-ingress-pjnq…`.
        case end
        /// `skipper-in…chg-x2k9p`: for names whose end tells them apart (a pod's generated suffix).
        case middle
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment
    /// When the table is too narrow, columns with a lower priority are hidden first.
    public var priority: Int
    public var truncation: Truncation

    public init(
        _ title: String, width: Width, alignment: Alignment = .left, priority: Int = 0, truncation: Truncation = .end
    ) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
        self.truncation = truncation
    }

    var minimumWidth: Int {
        switch width {
        case .fixed(let columns): columns
        case .flex(let minimum, _): minimum
        }
    }

    var weight: Int {
        if case .flex(_, let weight) = width { return max(0, weight) }
        return 0
    }
}

extension TableColumn {
    /// The widths of `columns` in `total` cells with `gap` cells between columns.
    ///
    /// Columns that do not fit at their minimum width are hidden (width 0): lowest priority
    /// first, and among equals the rightmost first.
    public static func widths(of columns: [TableColumn], in total: Int, gap: Int = 1) -> [Int] {
        var shown = Set(columns.indices)
        func needed() -> Int {
            shown.reduce(0) { $0 + columns[$1].minimumWidth } + max(0, shown.count - 1) * gap
        }
        let hidingOrder = columns.indices.sorted { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }
        for index in hidingOrder where needed() > total {
            shown.remove(index)
        }
        var widths = columns.indices.map { shown.contains($0) ? columns[$0].minimumWidth : 0 }
        var spare = total - needed()
        let flexible = columns.indices.filter { shown.contains($0) && columns[$0].weight > 0 }
        let totalWeight = flexible.reduce(0) { $0 + columns[$1].weight }
        guard totalWeight > 0, spare > 0 else { return widths }
        let share = spare
        for index in flexible {
            let extra = share * columns[index].weight / totalWeight
            widths[index] += extra
            spare -= extra
        }
        for index in flexible where spare > 0 {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }
}
