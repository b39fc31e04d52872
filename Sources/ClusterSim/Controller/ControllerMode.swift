/// How the simulator's controllers choose what to look at each tick.
public enum ControllerMode: Sendable, Equatable {
    /// Every object, every tick: the reference the change-driven mode is checked against, and the benchmarks' "before".
    case fullVisit
    /// Only the owners, nodes and pods whose objects changed (work queues fed by the store's writes), pods whose state
    /// moves with time, and a slow rolling resync; steady pods' kubelet counters advance when read.
    case changeDriven
}
