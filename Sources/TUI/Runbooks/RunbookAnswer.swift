import Runbooks

/// The engineer's answer to a question the engine asked in the panel.
public enum RunbookAnswer: Hashable, Sendable {
    /// To the confirmation (what was typed, for a disruptive runbook).
    case confirmation(ConfirmationAnswer)
    /// To the offer to restore the snapshot.
    case rollback(Bool)
}
