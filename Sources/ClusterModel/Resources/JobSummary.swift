import Foundation

/// What Firebreak keeps of a batch/v1 Job.
public struct JobSummary: KubeObject, Hashable {
    public var namespace: String
    public var name: String
    public var uid: String
    public var resourceVersion: String
    /// The CronJob that created it, if any.
    public var controller: OwnerRef?
    public var createdAt: Date?
    /// `spec.completions` (nil: one success completes the Job) and `spec.parallelism`.
    public var completions: Int?
    public var parallelism: Int?
    public var isSuspended: Bool
    /// Pods running, succeeded and failed (`status.active`, `succeeded`, `failed`).
    public var active: Int
    public var succeeded: Int
    public var failed: Int
    public var startTime: Date?
    public var completionTime: Date?
    /// The `Complete` and `Failed` conditions (`Failed` names `BackoffLimitExceeded` or `DeadlineExceeded`).
    public var complete: ConditionSummary?
    public var failure: ConditionSummary?
    public var templateContainers: [ContainerSpecSummary]

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public init(
        namespace: String, name: String, uid: String = "", resourceVersion: String = "", controller: OwnerRef? = nil,
        createdAt: Date? = nil, completions: Int? = nil, parallelism: Int? = nil, isSuspended: Bool = false,
        active: Int = 0, succeeded: Int = 0, failed: Int = 0, startTime: Date? = nil, completionTime: Date? = nil,
        complete: ConditionSummary? = nil, failure: ConditionSummary? = nil,
        templateContainers: [ContainerSpecSummary] = []
    ) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.controller = controller
        self.createdAt = createdAt
        self.completions = completions
        self.parallelism = parallelism
        self.isSuspended = isSuspended
        self.active = active
        self.succeeded = succeeded
        self.failed = failed
        self.startTime = startTime
        self.completionTime = completionTime
        self.complete = complete
        self.failure = failure
        self.templateContainers = templateContainers
    }

    /// Successes the Job needs: `completions`, or one when unset.
    public var wantedCompletions: Int { completions ?? 1 }

    public init(from decoder: any Decoder) throws {
        let wire = try WireJob(from: decoder)
        let conditions = wire.status?.conditions ?? []
        self.init(
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name, uid: wire.metadata.uid ?? "",
            resourceVersion: wire.metadata.resourceVersion ?? "", controller: wire.metadata.controller,
            createdAt: wire.metadata.creationTimestamp.flatMap(KubeTime.parse), completions: wire.spec?.completions,
            parallelism: wire.spec?.parallelism, isSuspended: wire.spec?.suspend ?? false,
            active: wire.status?.active ?? 0, succeeded: wire.status?.succeeded ?? 0, failed: wire.status?.failed ?? 0,
            startTime: wire.status?.startTime.flatMap(KubeTime.parse),
            completionTime: wire.status?.completionTime.flatMap(KubeTime.parse),
            complete: conditions.first { $0.type == "Complete" }?.summary,
            failure: conditions.first { $0.type == "Failed" }?.summary,
            templateContainers: wire.spec?.template?.containers ?? [])
    }
}

private struct WireJob: Decodable {
    var metadata: WireMeta
    var spec: Spec?
    var status: Status?

    struct Spec: Decodable {
        var completions: Int?
        var parallelism: Int?
        var suspend: Bool?
        var template: WirePodTemplate?
    }

    struct Status: Decodable {
        var active: Int?
        var succeeded: Int?
        var failed: Int?
        var startTime: String?
        var completionTime: String?
        var conditions: [WireCondition]?
    }
}
