import Foundation

extension ObservationKind {
    /// What the console and `firebreak signals` call the signal: `OOMKilled`, `Memory near limit`, `Node NotReady`.
    public var title: String {
        switch self {
        case .oomKilled: "OOMKilled"
        case .possibleOOM: "Possible OOM"
        case .nodeOOM: "Node OOM"
        case .restartBurst: "Restart burst"
        case .crashLoopBackOff: "CrashLoopBackOff"
        case .probeFailure: "Probe failing"
        case .nodeNotReady: "Node NotReady"
        case .nodePressure: "Node pressure"
        case .eviction: "Evicted"
        case .podPending: "Pending"
        case .replicasUnavailable: "Replicas unavailable"
        case .cpuThrottling: "CPU throttled"
        case .memoryNearLimit: "Memory near limit"
        case .mountFailure: "Mount failing"
        }
    }
}

extension Severity {
    /// `Critical`, `Warning`, `Info`.
    public var title: String {
        switch self {
        case .critical: "Critical"
        case .warning: "Warning"
        case .info: "Info"
        }
    }
}
