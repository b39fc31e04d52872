/// Something `reduce` asks the UI loop to do.
public enum AppEffect: Hashable, Sendable {
    case quit
    /// Re-run a pane's filter and sort, then report `rowsChanged`.
    case applyQuery(PaneID, PaneQuery)
    /// Watch only this namespace (nil: all).
    case switchNamespace(String?)
    case switchContext(String)
    /// Load the detail of a pane's row.
    case showDetail(PaneID, row: Int)
    /// Plan a runbook action for a pane's row (the Runbooks module binds these).
    case requestRunbook(Action, PaneID, row: Int)
    /// Swap in the cluster data the feed has waiting and report each pane's counts.
    case refreshCluster
}
