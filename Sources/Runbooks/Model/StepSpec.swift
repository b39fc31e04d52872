import ClusterModel

/// One step of a runbook: a Kubernetes operation with its own timeout, retries and failure routing.
public struct StepSpec: Sendable, Hashable {
    public var name: String
    public var kind: StepKind
    /// The operation's fields (`container`, `memory_limit`, `replicas`, `body`), templates unresolved.
    public var fields: [String: FieldValue]
    /// How long one attempt may take.
    public var timeout: Double
    /// Further attempts after a failure that may pass on its own (no answer, 5xx, 429).
    public var retries: Int
    public var onFailure: FailureRoute
    public var location: SourceLocation

    public init(
        name: String, kind: StepKind, fields: [String: FieldValue] = [:], timeout: Double = 30, retries: Int = 2,
        onFailure: FailureRoute = .abort, location: SourceLocation = SourceLocation()
    ) {
        self.name = name
        self.kind = kind
        self.fields = fields
        self.timeout = timeout
        self.retries = retries
        self.onFailure = onFailure
        self.location = location
    }
}

/// The operations a step can perform.
public enum StepKind: String, Sendable, Hashable, CaseIterable {
    /// Set a container's requests and limits in the pod template of the owning workload (a strategic-merge patch
    /// with `$setElementOrder`, as `kubectl set resources` sends it): a rollout follows.
    case setTemplateResources = "set-template-resources"
    /// Resize a running pod's container in place (`pods/{name}/resize`): no restart.
    case resizePod = "resize-pod"
    /// Restart a workload's pods by a rollout (`kubectl.kubernetes.io/restartedAt` on the template).
    case restartRollout = "restart-rollout"
    /// Delete a pod with a grace period.
    case deletePod = "delete-pod"
    /// Set a Deployment's or StatefulSet's replicas through the `scale` subresource.
    case scale
    /// Patch the target object with a templated body.
    case patch
    /// Mark a node unschedulable (`{"spec":{"unschedulable":true}}`, as `kubectl cordon` sends it).
    case cordon
    /// Make a node schedulable again (`{"spec":{"unschedulable":null}}`, as `kubectl uncordon`).
    case uncordon
    /// Evict every pod of a node through the Eviction API, as `kubectl drain` does: DaemonSet and mirror pods are
    /// left; pods with emptyDir data or without a controller only when the fields allow; a PodDisruptionBudget's 429
    /// is retried with back-off, never forced; done when every evicted pod is gone. The step's `timeout` is the
    /// whole drain's.
    case evictPods = "evict-pods"

    /// The fields this kind reads, besides the common `name`, `kind`, `timeout`, `retries` and `on_failure`.
    public var fieldNames: [String] {
        switch self {
        case .setTemplateResources, .resizePod:
            ["container", "memory_limit", "memory_request", "cpu_limit", "cpu_request", "keep_qos"]
        case .restartRollout: []
        case .deletePod: ["grace_period"]
        case .scale: ["replicas"]
        case .patch: ["type", "body"]
        case .cordon, .uncordon: []
        case .evictPods: ["delete_emptydir_data", "force", "grace_period", "skip_wait_for_delete_timeout"]
        }
    }

    /// Fields that must be present.
    public var requiredFields: [String] {
        switch self {
        case .setTemplateResources, .resizePod: ["container"]
        case .restartRollout: []
        case .deletePod: []
        case .scale: ["replicas"]
        case .patch: ["body"]
        case .cordon, .uncordon, .evictPods: []
        }
    }
}

/// What happens when a step fails for good.
public enum FailureRoute: String, Sendable, Hashable, CaseIterable {
    /// Stop; earlier steps stay applied.
    case abort
    /// Go on with the next step.
    case `continue`
    /// Undo the steps applied so far, from the snapshot.
    case rollback
}

/// A field's value as written in the file: a template scalar, or (for patch bodies) a mapping or list of them.
public indirect enum FieldValue: Sendable, Hashable {
    case scalar(TemplateText)
    /// A plain YAML number, boolean or null (kept typed for request bodies).
    case literal(JSONValue)
    case list([FieldValue])
    case mapping([String: FieldValue])

    /// The template of a scalar field.
    public var template: TemplateText? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    /// Every template inside, depth first.
    public var templates: [TemplateText] {
        switch self {
        case .scalar(let text): [text]
        case .literal: []
        case .list(let items): items.flatMap(\.templates)
        case .mapping(let members): members.keys.sorted().flatMap { members[$0]?.templates ?? [] }
        }
    }
}

extension StepKind {
    /// The target kinds this operation can act on (through the pod's owner where it needs a workload).
    public var applicableTargets: Set<TargetKind> {
        switch self {
        case .setTemplateResources, .restartRollout: [.pod, .container, .deployment, .statefulset, .daemonset]
        case .resizePod, .deletePod: [.pod, .container]
        case .scale: [.pod, .container, .deployment, .statefulset]
        case .patch: Set(TargetKind.allCases)
        case .cordon, .uncordon, .evictPods: [.node]
        }
    }
}
