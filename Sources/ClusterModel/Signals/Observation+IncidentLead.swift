extension Observation {
    /// The active critical observation an incident about `observations` is named after: the first, except that a
    /// node's OOM kill events (the kernel's account of a container reaching its limit) yield to any other, so the
    /// OOM-killed container's own observation, which leads to its workload, names the incident rather than the node.
    public static func incidentLead(of observations: [Observation]) -> Observation? {
        let critical = observations.filter { $0.severity == .critical && $0.isActive }
        return critical.first { $0.kind != .nodeOOM } ?? critical.first
    }
}
