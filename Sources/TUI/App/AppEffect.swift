import ClusterModel
import Runbooks

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
    /// Run the runbook with this id on a pane's row (its key, or `:runbook NAME`); report `runbookStarted` or
    /// `runbookRefused`, then the action's progress.
    case requestRunbook(String, PaneID, row: Int)
    /// Run a runbook again on the same target with the engineer's parameter values.
    case runRunbook(String, RunbookTarget, settings: [String: String])
    /// Give action `action` the engineer's answer.
    case answerRunbook(action: Int, RunbookAnswer)
    /// Ask action `action` to stop what it can (a drain stops evicting; the node stays cordoned).
    case cancelRunbook(action: Int)
    /// Ask the cluster whether the current incident's requests without a recorded answer took effect, and record
    /// what it says; report `unfinishedActions`.
    case recheckUnfinished
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
