/// How long one phase took.
public struct PhaseTiming: Hashable, Sendable {
    public var phase: String
    public var duration: Duration
    /// 0 for the first plan, n for the phases after the n-th re-plan (a 409 Conflict).
    public var round = 0
}
