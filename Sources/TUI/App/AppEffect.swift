import ClusterModel

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
    /// Take the order a pane's query was given off the UI loop; report `rowsChanged`.
    case adoptQueryOrder(PaneID)
    /// Swap in the cluster data the feed has waiting and report each pane's counts.
    case refreshCluster
    /// Find the pod (and container) of a pane's row for its log; report `logSubjectResolved`.
    case resolveLogSubject(PaneID, row: Int)
    /// Start streaming a log; report `logLinesReceived` and `logStreamEnded` for `stream`.
    case openLogStream(Int, LogRequest)
    /// Stop a log stream (its view closed or changed to another run).
    case closeLogStream(Int)
    /// List Normal events in the Events pane too (or Warnings only); report `rowsChanged`.
    case showNormalEvents(Bool)
    /// Something for the incident journal; answered with `AppEvent.journal`.
    case journal(JournalEffect)
}
