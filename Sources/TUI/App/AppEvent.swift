import ClusterModel

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
    /// The pod (and perhaps container) of the row whose log was asked for.
    case logSubjectResolved(LogSubject)
    /// Lines a log stream received, oldest first.
    case logLinesReceived(stream: Int, [LogLine])
    /// A log stream ended: the log is complete, or `failure` says why not.
    case logStreamEnded(stream: Int, failure: String?)
}
