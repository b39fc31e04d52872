/// The working set as a measurement of the container.
extension ContainerUsage {
    /// `workingSetBytes`, or nil when it is 0 for a container that is not running (waiting to restart, in back-off,
    /// terminated): such a container has no working set, and a 0 reported for it is no measurement.
    public func workingSet(of status: ContainerStatusSummary?) -> Int64? {
        guard workingSetBytes == 0, let state = status?.state else { return workingSetBytes }
        switch state {
        case .waiting, .terminated: return nil
        case .running, .none: return workingSetBytes
        }
    }
}
