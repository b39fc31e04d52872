import Foundation

/// Something an on-call engineer should know, derived from the cluster state. One ongoing problem is one
/// observation (same `id`) whose `count` and `lastSeen` grow.
public struct Observation: Sendable, Equatable, Codable, Identifiable {
    /// Stable identity, e.g. `oomKilled/demo/web-oom/web`.
    public var id: String
    public var kind: ObservationKind
    public var severity: Severity
    public var subject: ObservationSubject
    public var firstSeen: Date
    public var lastSeen: Date
    public var count: Int
    /// Whether the condition still holds now (`false`: kept visible for the retention window).
    public var isActive: Bool
    /// Machine-readable facts (`exitCode` → `137`, `limit` → `170Mi`).
    public var evidence: [String: String]
    /// One short human line, e.g. `OOMKilled 3× in 10m at limit 170Mi, working set 169Mi`.
    public var summary: String

    public init(
        id: String, kind: ObservationKind, severity: Severity, subject: ObservationSubject, firstSeen: Date,
        lastSeen: Date, count: Int = 1, isActive: Bool = true, evidence: [String: String] = [:], summary: String
    ) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.subject = subject
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.count = count
        self.isActive = isActive
        self.evidence = evidence
        self.summary = summary
    }
}

/// The rule that produced an observation.
public enum ObservationKind: String, Sendable, Equatable, Codable, CaseIterable {
    case oomKilled, possibleOOM, nodeOOM, restartBurst, crashLoopBackOff, probeFailure
    case nodeNotReady, nodePressure, eviction, podPending, replicasUnavailable, cpuThrottling, memoryNearLimit
    case mountFailure
}

/// How urgent an observation is.
public enum Severity: String, Sendable, Equatable, Codable, Comparable {
    case info, warning, critical

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .critical: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What an observation is about.
public struct ObservationSubject: Sendable, Equatable, Codable, CustomStringConvertible {
    /// `Pod`, `Node`, `Deployment`, ...
    public var kind: String
    public var namespace: String?
    public var name: String
    public var container: String?

    public init(kind: String, namespace: String? = nil, name: String, container: String? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.container = container
    }

    /// `kube-system/coredns-…`, or the name alone for a cluster-scoped object.
    public var path: String {
        guard let namespace, !namespace.isEmpty else { return name }
        return "\(namespace)/\(name)"
    }

    public var description: String {
        "\(kind) \(path)" + (container.map { " container \($0)" } ?? "")
    }
}
