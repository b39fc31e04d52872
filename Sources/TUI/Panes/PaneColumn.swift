/// A table column over rows of type `Row`: how it looks, what it shows and what it sorts by.
public struct PaneColumn<Row>: Sendable {
    public var column: TableColumn
    /// The cell shown for a row (formatted only for rows in view).
    public var cell: @Sendable (Row) -> TableCell
    /// The key the column sorts by.
    public var sortKey: @Sendable (Row) -> SortKey

    public init(
        _ column: TableColumn, cell: @escaping @Sendable (Row) -> TableCell,
        sortKey: @escaping @Sendable (Row) -> SortKey
    ) {
        self.column = column
        self.cell = cell
        self.sortKey = sortKey
    }
}

extension PaneColumn {
    /// A text column that sorts by its text.
    public static func text(_ column: TableColumn, _ value: @escaping @Sendable (Row) -> String) -> PaneColumn {
        PaneColumn(column, cell: { TableCell(value($0)) }, sortKey: { .text(value($0)) })
    }
}
