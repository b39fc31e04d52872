import ClusterModel

/// What a runbook will do on one target, before anything is asked of the server: the requests in order with what
/// each is expected to change, the checks, the verification, the inverse writes, the blast radius.
public struct RunbookPlan: Sendable, Hashable {
    public var runbook: String
    public var title: String
    public var risk: RunbookRisk
    public var target: RunbookTarget
    /// The object the steps change (a pod's Deployment, the pod, the CronJob).
    public var subject: ObjectRef
    public var parameters: [ResolvedParameter]
    public var steps: [PlannedStep]
    public var verification: PlannedVerification
    /// Writes that restore the snapshot, in order; empty when `rollbackUnavailable` says why.
    public var rollback: [KubeWrite]
    public var rollbackUnavailable: String?
    /// Every permission the steps need, asked with SelfSubjectAccessReviews before anything else.
    public var accessChecks: [AccessAttributes]
    /// The subject as read when planning (resourceVersion included).
    public var snapshot: JSONValue
    public var blastRadius: BlastRadius
    /// Facts the user should know (a capped value, a QoS class kept, the template left unchanged).
    public var notes: [String]
    public var confirmation: ConfirmationKind
    /// A runbook to suggest when this one cannot act (from the preconditions' `otherwise`).
    public var otherwise: String?
    /// Set when every step would change nothing (`node node-3 is already cordoned`): a result, not an error.
    public var alreadyDone: String?
    /// The guard rail on taking a node out of scheduling, re-checked before each step.
    public var nodeGuard: NodeGuard?

    /// The subject's resourceVersion every write carries.
    public var resourceVersion: String? { snapshot[path: ["metadata", "resourceVersion"]]?.stringValue }
}

/// One request of a plan.
public struct PlannedStep: Sendable, Hashable {
    public var name: String
    public var kind: StepKind
    public var write: KubeWrite
    /// The object (or subresource) the write changes, as read when planning: the left side of the dry-run diff.
    public var before: JSONValue
    /// What it should change, e.g. `limits.memory 170Mi → 255Mi`.
    public var expected: [String]
    public var timeout: Double
    public var retries: Int
    public var onFailure: FailureRoute
    /// For an `evict-pods` step: the evictions (one request per pod; `write` is the first of them).
    public var drain: DrainPlan?
}

/// How the engineer confirms before anything changes.
public enum ConfirmationKind: Sendable, Hashable, Codable {
    /// Nothing to confirm (read-only).
    case none
    /// `y` or `n` (reversible runbooks).
    case yesNo
    /// Type this name (disruptive runbooks).
    case typeName(String)
}

/// What verification waits for in the store, once every step is applied.
public struct PlannedVerification: Sendable, Hashable, Codable {
    public var condition: VerificationCondition
    /// Seconds on the cluster's clock.
    public var timeout: Double

    public init(condition: VerificationCondition, timeout: Double) {
        self.condition = condition
        self.timeout = timeout
    }
}

/// A condition on the store's view; what `VerificationTracker` evaluates.
public enum VerificationCondition: Sendable, Hashable, Codable {
    /// The workload's rollout completes (every pod replaced, generation observed, all ready), then no new pod's
    /// container is OOM-killed for `quietFor` seconds. `podsBefore` are the UIDs of its pods when planned;
    /// `expected` (when set) are the resources new pods carry.
    case rolloutComplete(
        workload: ObjectRef, container: String?, expected: ContainerResources?, podsBefore: Set<String>,
        quietFor: Double)
    /// The kubelet applied the resize: generation observed, no `PodResizePending` or `PodResizeInProgress`, the
    /// container's applied resources equal `expected`; then no OOM kill for `quietFor` seconds.
    case resizeApplied(pod: ObjectKey, uid: String, container: String, expected: ContainerResources, quietFor: Double)
    /// The pod (this UID) is gone and its workload, if any, is back to all replicas ready.
    case podReplaced(pod: ObjectKey, uid: String, owner: ObjectRef?)
    /// The workload wants `replicas` and has them all ready.
    case replicasReady(workload: ObjectRef, replicas: Int)
    /// No Job of the CronJob scheduled after the change appears for `window` seconds.
    case noNewJobs(cronJob: ObjectKey, window: Double)
    case none
}
