/// How long one phase took.
public struct PhaseTiming: Hashable, Sendable {
    public var phase: String
    public var duration: Duration
}
