/// One pane's table position and query.
public struct PaneState: Hashable, Sendable {
    /// Rows after the filter (reported by the pane's provider).
    public var rowCount: Int
    /// Rows before the filter.
    public var totalCount: Int
    public var columnCount: Int
    /// The selected row.
    public var cursor: Int
    /// The first row in view.
    public var scrollOffset: Int
    /// The column under the cursor, which `s` sorts by.
    public var selectedColumn: Int
    public var query: PaneQuery

    public init(columnCount: Int, rowCount: Int = 0, totalCount: Int = 0, query: PaneQuery = PaneQuery()) {
        self.rowCount = rowCount
        self.totalCount = totalCount
        self.columnCount = columnCount
        self.cursor = 0
        self.scrollOffset = 0
        self.selectedColumn = 0
        self.query = query
    }
}
