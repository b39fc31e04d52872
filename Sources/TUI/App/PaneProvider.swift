/// The rows of one pane; ClusterModel-backed panes implement this.
///
/// The provider owns its data, applies a pane's filter and sort, and formats only the
/// rows asked for, so drawing costs O(visible rows) however many objects there are.
public protocol PaneProvider {
    var columns: [TableColumn] { get }
    /// Rows matching the current query.
    var rowCount: Int { get }
    /// Rows before filtering.
    var totalCount: Int { get }
    /// Shown when no row matches.
    var emptyMessage: String { get }
    /// Applies a filter and sort; later `rowCount` and `cells(forRow:)` follow it.
    mutating func apply(_ query: PaneQuery)
    /// The cells of the row at `index` in query order.
    func cells(forRow index: Int) -> [TableCell]
}
