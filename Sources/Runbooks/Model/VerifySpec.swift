/// How a runbook checks that it worked, by watching the store (never by polling the API).
public struct VerifySpec: Sendable, Hashable {
    public var kind: VerifyKind
    public var fields: [String: FieldValue]
    /// How long to wait on the cluster's clock before giving up.
    public var timeout: Double
    public var location: SourceLocation

    public init(
        kind: VerifyKind, fields: [String: FieldValue] = [:], timeout: Double = 300,
        location: SourceLocation = SourceLocation()
    ) {
        self.kind = kind
        self.fields = fields
        self.timeout = timeout
        self.location = location
    }
}

/// The conditions a runbook can wait for.
public enum VerifyKind: String, Sendable, Hashable, CaseIterable {
    /// The workload's rollout completes (observed generation, updated and ready replicas), then no new pod's
    /// container is OOM-killed for `no_new_oom_for`.
    case rolloutComplete = "rollout-complete"
    /// The kubelet applied an in-place resize (no `PodResizePending` / `PodResizeInProgress` left).
    case resizeApplied = "resize-applied"
    /// The deleted pod is gone and its workload is back to its ready replicas.
    case podReplaced = "pod-replaced"
    /// The workload has the requested replicas, all ready.
    case replicasReady = "replicas-ready"
    /// No new Job of the CronJob appears for `window`.
    case noNewJobs = "no-new-jobs"
    case none

    public var fieldNames: [String] {
        switch self {
        case .rolloutComplete: ["container", "no_new_oom_for"]
        case .resizeApplied: ["container", "no_new_oom_for"]
        case .podReplaced, .replicasReady, .none: []
        case .noNewJobs: ["window"]
        }
    }
}

/// How a runbook is undone.
public struct RollbackSpec: Sendable, Hashable {
    public var kind: RollbackKind
    public var location: SourceLocation

    public init(kind: RollbackKind, location: SourceLocation = SourceLocation()) {
        self.kind = kind
        self.location = location
    }
}

public enum RollbackKind: String, Sendable, Hashable, CaseIterable {
    /// Write back, for every field a step changed, the value the snapshot holds.
    case restoreSnapshot = "restore-snapshot"
    /// Nothing can undo it (a deleted pod, a restart).
    case none
}

/// A condition asserted on live state before anything is asked or sent.
public struct PreconditionSpec: Sendable, Hashable {
    public var kind: PreconditionKind
    public var fields: [String: FieldValue]
    /// A runbook to suggest when this one cannot apply.
    public var otherwise: String?
    public var location: SourceLocation

    public init(
        kind: PreconditionKind, fields: [String: FieldValue] = [:], otherwise: String? = nil,
        location: SourceLocation = SourceLocation()
    ) {
        self.kind = kind
        self.fields = fields
        self.otherwise = otherwise
        self.location = location
    }
}

public enum PreconditionKind: String, Sendable, Hashable, CaseIterable {
    /// A pod target has a Deployment, StatefulSet or DaemonSet as its controller.
    case ownedByWorkload = "owned-by-workload"
    /// The container has a limit for `resource` (memory or cpu).
    case hasLimit = "has-limit"
    /// The Deployment is not paused.
    case notPaused = "not-paused"
    /// The CronJob is not suspended already.
    case notSuspended = "not-suspended"
    /// The pod is running.
    case podRunning = "pod-running"
    /// Taking the node out of scheduling leaves at least `fraction` (default 2/3) of the Ready nodes schedulable;
    /// checked when planning and again before each step.
    case keepsSchedulable = "keeps-schedulable"

    public var fieldNames: [String] {
        switch self {
        case .hasLimit: ["resource"]
        case .keepsSchedulable: ["fraction"]
        default: []
        }
    }
}

/// Where something was written: file, line and column (1-based).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String = "", line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
