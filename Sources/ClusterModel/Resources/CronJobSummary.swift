import Foundation

/// What Firebreak keeps of a batch/v1 CronJob.
public struct CronJobSummary: KubeObject, Hashable {
    public var namespace: String
    public var name: String
    public var uid: String
    public var resourceVersion: String
    public var createdAt: Date?
    /// The cron expression, e.g. `*/15 9-19 * * Mon-Fri`.
    public var schedule: String
    public var isSuspended: Bool
    public var lastScheduleTime: Date?
    public var lastSuccessfulTime: Date?
    /// Jobs running now (`status.active`).
    public var activeJobs: Int
    /// The job template's pod containers.
    public var templateContainers: [ContainerSpecSummary]

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public init(
        namespace: String, name: String, uid: String = "", resourceVersion: String = "", createdAt: Date? = nil,
        schedule: String = "", isSuspended: Bool = false, lastScheduleTime: Date? = nil,
        lastSuccessfulTime: Date? = nil, activeJobs: Int = 0, templateContainers: [ContainerSpecSummary] = []
    ) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.createdAt = createdAt
        self.schedule = schedule
        self.isSuspended = isSuspended
        self.lastScheduleTime = lastScheduleTime
        self.lastSuccessfulTime = lastSuccessfulTime
        self.activeJobs = activeJobs
        self.templateContainers = templateContainers
    }

    public init(from decoder: any Decoder) throws {
        let wire = try WireCronJob(from: decoder)
        self.init(
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name, uid: wire.metadata.uid ?? "",
            resourceVersion: wire.metadata.resourceVersion ?? "",
            createdAt: wire.metadata.creationTimestamp.flatMap(KubeTime.parse), schedule: wire.spec?.schedule ?? "",
            isSuspended: wire.spec?.suspend ?? false,
            lastScheduleTime: wire.status?.lastScheduleTime.flatMap(KubeTime.parse),
            lastSuccessfulTime: wire.status?.lastSuccessfulTime.flatMap(KubeTime.parse),
            activeJobs: wire.status?.active?.count ?? 0,
            templateContainers: wire.spec?.jobTemplate?.spec?.template?.containers ?? [])
    }
}

private struct WireCronJob: Decodable {
    var metadata: WireMeta
    var spec: Spec?
    var status: Status?

    struct Spec: Decodable {
        var schedule: String?
        var suspend: Bool?
        var jobTemplate: JobTemplate?
    }

    struct JobTemplate: Decodable {
        struct JobSpec: Decodable {
            var template: WirePodTemplate?
        }
        var spec: JobSpec?
    }

    struct Status: Decodable {
        struct Reference: Decodable {
            var name: String?
        }
        var lastScheduleTime: String?
        var lastSuccessfulTime: String?
        var active: [Reference]?
    }
}
