/// A runbook as read from its YAML file: what it is, what it may target, its parameters, and what it does.
public struct Runbook: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
    public var risk: RunbookRisk
    /// The kinds of selected rows it applies to.
    public var targets: [TargetKind]
    /// The console key that runs it, if any.
    public var key: String?
    public var parameters: [ParameterSpec]
    public var preconditions: [PreconditionSpec]
    public var steps: [StepSpec]
    public var verification: VerifySpec
    public var rollback: RollbackSpec
    /// The file it was read from.
    public var source: String

    public init(
        id: String, title: String, description: String = "", risk: RunbookRisk, targets: [TargetKind],
        key: String? = nil, parameters: [ParameterSpec] = [], preconditions: [PreconditionSpec] = [],
        steps: [StepSpec], verification: VerifySpec = VerifySpec(kind: .none),
        rollback: RollbackSpec = RollbackSpec(kind: .none), source: String = ""
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.risk = risk
        self.targets = targets
        self.key = key
        self.parameters = parameters
        self.preconditions = preconditions
        self.steps = steps
        self.verification = verification
        self.rollback = rollback
        self.source = source
    }

    /// Whether a row of `kind` can be its target (a container row is a pod; a pod row lets the runbook pick the
    /// container).
    public func accepts(_ kind: TargetKind) -> Bool {
        if targets.contains(kind) { return true }
        switch kind {
        case .container: return targets.contains(.pod)
        case .pod: return targets.contains(.container)
        default: return false
        }
    }

    /// The parameter named `name`.
    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
}

/// How much a runbook can hurt: read-only changes nothing, reversible can be undone from a snapshot, disruptive
/// cannot (confirmed by typing the object's name).
public enum RunbookRisk: String, Sendable, Hashable, CaseIterable, Codable {
    case readOnly = "read-only"
    case reversible
    case disruptive
}

/// What a runbook can be run on: the kind of the selected row.
public enum TargetKind: String, Sendable, Hashable, CaseIterable, Codable {
    case pod
    /// One container of a pod (rows of the Signals and Restarts panes).
    case container
    case deployment
    case statefulset
    case daemonset
    case cronjob
    case node

    /// The workload kinds that own pods through a template.
    public static let workloads: [TargetKind] = [.deployment, .statefulset, .daemonset]

    /// The Kubernetes kind name (`Deployment`), `Pod` for a container.
    public var kindName: String {
        switch self {
        case .pod, .container: "Pod"
        case .deployment: "Deployment"
        case .statefulset: "StatefulSet"
        case .daemonset: "DaemonSet"
        case .cronjob: "CronJob"
        case .node: "Node"
        }
    }

    /// The kind for a Kubernetes kind name (`ReplicaSet` has none: runbooks act on its Deployment).
    public init?(kindName: String) {
        guard let kind = TargetKind.allCases.first(where: { $0 != .container && $0.kindName == kindName }) else {
            return nil
        }
        self = kind
    }
}
