/// What the running pods on one node use, summed over the containers the metrics know; `nil` when none is known.
public struct NodeUsage: Sendable, Hashable {
    public var cpuMillis: Int64?
    public var workingSetBytes: Int64?

    public init(cpuMillis: Int64? = nil, workingSetBytes: Int64? = nil) {
        self.cpuMillis = cpuMillis
        self.workingSetBytes = workingSetBytes
    }
}
