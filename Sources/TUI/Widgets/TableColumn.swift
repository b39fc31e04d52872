/// One column of a table: its title, how wide it may be and how its text is aligned.
public struct TableColumn: Hashable, Sendable {
    /// How a column's width is chosen.
    public enum Width: Hashable, Sendable {
        /// Always exactly this many columns.
        case fixed(Int)
        /// At least `min` columns; space left over is shared between flexible columns by `weight`.
        case flex(min: Int, weight: Int = 1)
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(_ title: String, width: Width, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    var minimumWidth: Int {
        switch width {
        case let .fixed(columns): columns
        case let .flex(minimum, _): minimum
        }
    }

    var weight: Int {
        if case let .flex(_, weight) = width { return max(0, weight) }
        return 0
    }
}

extension TableColumn {
    /// The widths of `columns` in `total` cells with `gap` cells between columns.
    ///
    /// Columns that do not fit at their minimum width are dropped from the right (width 0).
    public static func widths(of columns: [TableColumn], in total: Int, gap: Int = 1) -> [Int] {
        var shown = columns.count
        func needed(_ count: Int) -> Int {
            columns.prefix(count).reduce(0) { $0 + $1.minimumWidth } + max(0, count - 1) * gap
        }
        while shown > 0, needed(shown) > total { shown -= 1 }
        var widths = columns.enumerated().map { $0.offset < shown ? $0.element.minimumWidth : 0 }
        var spare = total - needed(shown)
        let flexible = columns.prefix(shown).enumerated().filter { $0.element.weight > 0 }
        let totalWeight = flexible.reduce(0) { $0 + $1.element.weight }
        guard totalWeight > 0, spare > 0 else { return widths }
        let share = spare
        for (index, column) in flexible {
            let extra = share * column.weight / totalWeight
            widths[index] += extra
            spare -= extra
        }
        for (index, _) in flexible where spare > 0 {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }
}
