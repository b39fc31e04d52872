/// Something that happened, for `reduce` to act on.
public enum AppEvent: Hashable, Sendable {
    case keyPressed(Key)
    case resized(Size)
    /// The clock ticked (redraw the header clock, age markers).
    case tick
    /// A pane's provider applied a query or a new snapshot and now has these counts;
    /// `cursor` is where the selected object moved to, when the provider knows.
    case rowsChanged(PaneID, rowCount: Int, totalCount: Int, cursor: Int? = nil)
    /// The background feed has new cluster data waiting (coalesced; at most a few per second).
    case clusterUpdated
    /// Something to tell the user in the footer (an effect's result or failure).
    case messagePosted(StatusMessage)
}

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
