/// What an entry records.
public enum EntryKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// A ClusterModel signal, one entry per ongoing observation whose count and last-seen grow.
    case observation
    /// A Kubernetes Warning event on an object the incident touches (aggregated like observations).
    case warningEvent = "warning-event"
    /// A rollout, limit change, cordon or scale made by anyone, found by diffing the store.
    case changeSeen = "change-seen"
    /// An action about to be sent to the cluster (committed with a full sync before the request leaves).
    case actionIntent = "action-intent"
    /// What became of an action.
    case actionResult = "action-result"
    /// Text typed by the engineer.
    case note
    case milestone
    case actionItem = "action-item"
    /// Pin, unpin, hide or show another entry.
    case curation
    /// A section of the Correction-of-Errors document written by the engineer (title, summary, 5 whys, ...).
    case coeSection = "coe-section"
}
