/// A pane's filter and sort, which its provider applies to its rows.
public struct PaneQuery: Hashable, Sendable {
    public var filter: RowFilter
    public var sort: SortOrder?

    public init(filter: RowFilter = .none, sort: SortOrder? = nil) {
        self.filter = filter
        self.sort = sort
    }
}
