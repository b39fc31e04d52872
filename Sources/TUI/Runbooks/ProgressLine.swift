/// One line of an action's progress: a step applied, a retry, what verification waits for.
public struct ProgressLine: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        case running, done, failed, info
        /// An attempt a re-plan replaced: the server answered 409 Conflict, nothing was applied.
        case superseded
    }
    /// What the line is about (`apply`, `verify`, `rollback`, `replan`); a line replaces the running line of the same
    /// kind before it (`applying…` becomes `applied: HTTP 200`).
    public var kind: String
    public var text: String
    public var state: State

    /// The kind of the line that says the action is planned again after a 409 Conflict.
    public static let replan = "replan"

    public init(kind: String, _ text: String, state: State) {
        self.kind = kind
        self.text = text
        self.state = state
    }
}
