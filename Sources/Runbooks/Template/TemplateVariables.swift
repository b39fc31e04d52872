/// The variables a template can use besides the runbook's own parameters: facts about the selection.
public enum SelectionVariable: String, Sendable, Hashable, CaseIterable {
    case namespace
    /// The selected object's name.
    case name
    /// The selected object's kind (`Pod`, `Deployment`).
    case kind
    /// The selected pod's name (empty for other targets).
    case pod
    /// The workload the steps act on: the selected one, or the pod's owning Deployment, StatefulSet or DaemonSet.
    case workload
    case container
    case node
    /// The container's current memory limit and request (from the object the steps change).
    case memoryLimit = "memory_limit"
    case memoryRequest = "memory_request"
    case cpuLimit = "cpu_limit"
    case cpuRequest = "cpu_request"
    /// The workload's desired replicas.
    case replicas
    /// The pod's termination grace period in seconds.
    case gracePeriod = "grace_period"
    /// The cluster's time, RFC 3339.
    case now

    /// The type of its value.
    public var type: ParameterType {
        switch self {
        case .memoryLimit, .memoryRequest: .memory
        case .cpuLimit, .cpuRequest: .cpu
        case .replicas, .gracePeriod: .integer
        case .container: .container
        default: .string
        }
    }
}
