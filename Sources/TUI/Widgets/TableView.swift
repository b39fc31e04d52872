/// A bordered, virtualised table: only the rows in view are asked for and formatted.
public struct TableView {
    public var title: String
    public var columns: [TableColumn]
    /// Rows after filtering.
    public var rowCount: Int
    /// Rows before filtering; shown as `Pods (1,234 / 150,000)` when it differs from `rowCount`.
    public var totalCount: Int?
    public var selectedRow: Int?
    /// The column under the cursor (the one `s` sorts by).
    public var selectedColumn: Int?
    public var sort: SortOrder?
    /// The first row in view.
    public var scrollOffset: Int
    public var isFocused: Bool
    /// Shown in place of rows when there are none.
    public var emptyMessage: String
    /// The cells of row `index`; called only for rows in view.
    public var row: (Int) -> [TableCell]

    public init(
        title: String, columns: [TableColumn], rowCount: Int, totalCount: Int? = nil,
        selectedRow: Int? = nil, selectedColumn: Int? = nil, sort: SortOrder? = nil, scrollOffset: Int = 0,
        isFocused: Bool = true, emptyMessage: String = "No rows", row: @escaping (Int) -> [TableCell]
    ) {
        self.title = title
        self.columns = columns
        self.rowCount = rowCount
        self.totalCount = totalCount
        self.selectedRow = selectedRow
        self.selectedColumn = selectedColumn
        self.sort = sort
        self.scrollOffset = scrollOffset
        self.isFocused = isFocused
        self.emptyMessage = emptyMessage
        self.row = row
    }

    /// Rows that fit in `rect` (its height less the border and the column titles).
    public static func visibleRowCount(in rect: Rect) -> Int {
        max(0, rect.height - 3)
    }

    /// The title with its live count: `Pods (1,234)` or `Pods (1,234 / 150,000)`.
    public var titleWithCount: String {
        let shown = rowCount.formattedWithGrouping
        guard let totalCount, totalCount != rowCount else { return "\(title) (\(shown))" }
        return "\(title) (\(shown) / \(totalCount.formattedWithGrouping))"
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        screen.fill(rect)
        screen.box(rect, title: titleWithCount, style: Style(isFocused ? .title : .border), titleStyle: Style(.title))
        let inner = rect.inset(by: 1)
        let widths = TableColumn.widths(of: columns, in: inner.width)
        renderTitles(widths: widths, in: inner.row(0), on: &screen)
        let body = inner.splitTop(1).rest
        guard rowCount > 0 else {
            screen.put(
                emptyMessage, in: body.centred(Size(width: body.width, height: 1)), alignment: .centre,
                style: Style(.dim))
            return
        }
        let first = min(max(0, scrollOffset), max(0, rowCount - body.height))
        for line in 0..<min(body.height, rowCount - first) {
            let index = first + line
            renderRow(row(index), isSelected: index == selectedRow, widths: widths, in: body.row(line), on: &screen)
        }
    }

    private func renderTitles(widths: [Int], in line: Rect, on screen: inout Screen) {
        screen.fill(line, style: Style(.tableHeader))
        var x = line.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            var text = column.title
            var style = Style(.tableHeader)
            if let sort, sort.column == index {
                text += sort.isAscending ? "▲" : "▼"
                style = Style(.tableHeaderSorted)
            }
            if isFocused, selectedColumn == index { style.attributes.insert(.reverse) }
            screen.put(
                text, in: Rect(x: x, y: line.y, width: widths[index], height: 1), alignment: column.alignment,
                style: style)
            x += widths[index] + 1
        }
    }

    private func renderRow(
        _ cells: [TableCell], isSelected: Bool, widths: [Int], in line: Rect, on screen: inout Screen
    ) {
        let rowStyle = Style(isSelected ? (isFocused ? .rowSelected : .dim) : .row)
        screen.fill(line, style: rowStyle)
        var x = line.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            let cell = index < cells.count ? cells[index] : TableCell("")
            let style = isSelected ? rowStyle : Style(cell.role ?? .row)
            let text =
                column.truncation == .middle ? cell.text.truncatedInMiddle(toWidth: widths[index]) : cell.text
            screen.put(
                text, in: Rect(x: x, y: line.y, width: widths[index], height: 1), alignment: column.alignment,
                style: style)
            x += widths[index] + 1
        }
    }
}

extension Int {
    /// The number with thousands separated by commas: `150,000`.
    public var formattedWithGrouping: String {
        let digits = String(magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (self < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
