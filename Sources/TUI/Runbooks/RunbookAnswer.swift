import Runbooks

/// The engineer's answer to a question the engine asked in the panel.
public enum RunbookAnswer: Hashable, Sendable {
    /// To the confirmation (what was typed, for a disruptive runbook).
    case confirmation(ConfirmationAnswer)
    /// To the offer to restore the snapshot.
    case rollback(Bool)
}

/// A runbook on a row: the key of the permission checks' answers.
public struct RunbookAccessKey: Hashable, Sendable {
    public var runbook: String
    public var target: RunbookTarget

    public init(runbook: String, target: RunbookTarget) {
        self.runbook = runbook
        self.target = target
    }
}
