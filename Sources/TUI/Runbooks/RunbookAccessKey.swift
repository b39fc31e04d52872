import Runbooks

/// A runbook on a row: the key of the permission checks' answers.
public struct RunbookAccessKey: Hashable, Sendable {
    public var runbook: String
    public var target: RunbookTarget

    public init(runbook: String, target: RunbookTarget) {
        self.runbook = runbook
        self.target = target
    }
}
