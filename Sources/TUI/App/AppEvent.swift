import ClusterModel
import Runbooks

/// Something that happened, for `reduce` to act on.
public enum AppEvent: Hashable, Sendable {
    case keyPressed(Key)
    case resized(Size)
    /// The clocks ticked: the header's clock and countdowns show this time.
    case tick(ConsoleTime)
    /// A pane's provider applied a query or a new snapshot and now has these counts;
    /// `cursor` is where the selected object moved to, when the provider knows.
    case rowsChanged(PaneID, rowCount: Int, totalCount: Int, cursor: Int? = nil)
    /// A big pane's query was applied off the UI loop; its order is waiting (`adoptQueryOrder`).
    case queryOrdered(PaneID)
    /// The background feed has new cluster data waiting (coalesced; at most a few per second).
    case clusterUpdated
    /// Something to tell the user in the footer (an effect's result).
    case messagePosted(StatusMessage)
    /// `showDetail` found nothing to show for the row; the detail view closes and says why.
    case detailUnavailable(reason: String)
    /// `showDetail` expanded or folded a group line (of the Signals pane) instead: back to the table.
    case groupToggled
    /// `switchNamespace` or `switchContext` could not connect; the console stays on what it watched and says why.
    case switchFailed(reason: String)
    /// The pod (and perhaps container) of the row whose log was asked for.
    case logSubjectResolved(LogSubject)
    /// Lines a log stream received, oldest first.
    case logLinesReceived(stream: Int, [LogLine])
    /// A log stream ended: the log is complete, or `failure` says why not.
    case logStreamEnded(stream: Int, failure: String?)
    /// A runbook action started on a row: its panel opens.
    case runbookStarted(RunbookPanel)
    /// A runbook cannot run on the selected row (wrong kind, read-only, refused by the server); nothing was asked.
    case runbookRefused(String)
    /// The engine reported progress on action `action`.
    case runbookProgressed(action: Int, RunbookUpdate)
    /// The engine waits for the engineer to confirm action `action`'s preview.
    case runbookConfirmationRequested(action: Int)
    /// Verification failed; the engine offers to restore the snapshot.
    case runbookRollbackOffered(action: Int, reason: String)
    /// Action `action` ended (`actionID` names its record when something was recorded).
    case runbookFinished(action: Int, actionID: String?, status: RunbookResult.Status, message: String)
    /// Requests of the current incident whose answer was never recorded: the footer's standing offer to re-check
    /// them (nil: none left), and what a re-check found.
    case unfinishedActions(offer: String?, message: StatusMessage?)
    /// Whether a runbook may run on a row, as the permission checks found before any key was pressed.
    case runbookAccessChecked(RunbookAccessKey, RunbookAvailability)
    /// What the incident journal reports.
    case journal(JournalEvent)
}
