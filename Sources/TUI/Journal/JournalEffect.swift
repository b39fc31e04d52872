import Foundation
import Timeline

/// What `reduce` asks of the incident journal; `JournalSession` carries it out and answers with `JournalEvent`s.
public enum JournalEffect: Hashable, Sendable {
    /// Open an incident on the connected cluster and make it current.
    case openIncident(title: String)
    case addNote(String)
    /// Add log lines to the current incident as evidence.
    case addLogExcerpt(LogExcerpt)
    /// Set a milestone at `at` (cluster time), or at the cluster's time now when nil.
    case setMilestone(Milestone, at: Date?)
    /// Write the current incident's COE as Markdown (SVG charts beside it) in the working directory.
    case exportCOE
    /// Rebuild the Timeline pane from the entries followed so far (with or without hidden ones).
    case refresh(showsHidden: Bool)
}
