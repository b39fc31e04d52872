/// Something that happened, for `reduce` to act on.
public enum AppEvent: Hashable, Sendable {
    case keyPressed(Key)
    case resized(Size)
    /// The clocks ticked: the header's clock and countdowns show this time.
    case tick(ConsoleTime)
    /// A pane's provider applied a query or a new snapshot and now has these counts;
    /// `cursor` is where the selected object moved to, when the provider knows.
    case rowsChanged(PaneID, rowCount: Int, totalCount: Int, cursor: Int? = nil)
    /// The background feed has new cluster data waiting (coalesced; at most a few per second).
    case clusterUpdated
    /// Something to tell the user in the footer (an effect's result).
    case messagePosted(StatusMessage)
    /// `showDetail` found nothing to show for the row; the detail view closes and says why.
    case detailUnavailable(reason: String)
    /// `switchNamespace` or `switchContext` could not connect; the console stays on what it watched and says why.
    case switchFailed(reason: String)
}
