import Foundation

/// One workload as the Workloads pane lists it: a Deployment, StatefulSet, DaemonSet, Job or CronJob with its
/// replica counts, rollout state and when its last rollout began.
public struct WorkloadStatus: Sendable, Hashable {
    /// The workload (`Deployment shop/web`).
    public var owner: OwnerKey
    /// `spec.replicas` (a DaemonSet's scheduled nodes, a Job's completions); nil for a CronJob.
    public var desired: Int?
    public var ready: Int?
    /// Replicas running the current template; nil for Jobs and CronJobs.
    public var upToDate: Int?
    /// Available replicas; a Job's succeeded pods.
    public var available: Int?
    public var state: RolloutState
    /// When the current template's rollout began: the newest ReplicaSet or ControllerRevision, a Job's start, a
    /// CronJob's last schedule.
    public var lastRollout: Date?
    /// A short line on what is running: a Job's `3 active, 57 succeeded, 0 failed`, a CronJob's schedule and
    /// running Jobs.
    public var note: String?
    public var createdAt: Date?

    public init(
        owner: OwnerKey, desired: Int? = nil, ready: Int? = nil, upToDate: Int? = nil, available: Int? = nil,
        state: RolloutState, lastRollout: Date? = nil, note: String? = nil, createdAt: Date? = nil
    ) {
        self.owner = owner
        self.desired = desired
        self.ready = ready
        self.upToDate = upToDate
        self.available = available
        self.state = state
        self.lastRollout = lastRollout
        self.note = note
        self.createdAt = createdAt
    }

    /// The kinds the Workloads pane shows, in its order.
    public static let kinds = ["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job"]

    /// Every Deployment, StatefulSet, DaemonSet, CronJob and Job in `snapshot`, by kind then namespace and name.
    public static func all(in snapshot: ClusterSnapshot) -> [WorkloadStatus] {
        var statuses: [WorkloadStatus] = []
        statuses.reserveCapacity(
            snapshot.deployments.count + snapshot.statefulSets.count + snapshot.daemonSets.count
                + snapshot.jobs.count + snapshot.cronJobs.count)
        for deployment in snapshot.deployments.values { statuses.append(of(deployment: deployment, in: snapshot)) }
        for workload in snapshot.statefulSets.values { statuses.append(of(replicated: workload, in: snapshot)) }
        for workload in snapshot.daemonSets.values { statuses.append(of(replicated: workload, in: snapshot)) }
        for cronJob in snapshot.cronJobs.values { statuses.append(of(cronJob: cronJob)) }
        for job in snapshot.jobs.values { statuses.append(of(job: job)) }
        let rank = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        return statuses.sorted {
            (rank[$0.owner.kind] ?? 9, $0.owner.namespace, $0.owner.name)
                < (rank[$1.owner.kind] ?? 9, $1.owner.namespace, $1.owner.name)
        }
    }

    /// The status of one workload of any listed kind, nil when `snapshot` does not hold it.
    public static func of(_ owner: OwnerKey, in snapshot: ClusterSnapshot) -> WorkloadStatus? {
        let key = ObjectKey(namespace: owner.namespace, name: owner.name)
        switch owner.kind {
        case "Deployment": return snapshot.deployments[key].map { of(deployment: $0, in: snapshot) }
        case "StatefulSet": return snapshot.statefulSets[key].map { of(replicated: $0, in: snapshot) }
        case "DaemonSet": return snapshot.daemonSets[key].map { of(replicated: $0, in: snapshot) }
        case "CronJob": return snapshot.cronJobs[key].map(of(cronJob:))
        case "Job": return snapshot.jobs[key].map(of(job:))
        default: return nil
        }
    }

    static func of(deployment: WorkloadSummary, in snapshot: ClusterSnapshot) -> WorkloadStatus {
        let owner = OwnerKey(kind: deployment.kind, namespace: deployment.namespace, name: deployment.name)
        let newest = snapshot.replicaSets(ownedBy: owner).max { ($0.revision ?? 0) < ($1.revision ?? 0) }
        return WorkloadStatus(
            owner: owner, desired: deployment.desiredReplicas, ready: deployment.readyReplicas,
            upToDate: deployment.updatedReplicas, available: deployment.availableReplicas,
            state: .of(deployment: deployment), lastRollout: newest?.createdAt ?? deployment.createdAt,
            createdAt: deployment.createdAt)
    }

    static func of(replicated workload: WorkloadSummary, in snapshot: ClusterSnapshot) -> WorkloadStatus {
        let owner = OwnerKey(kind: workload.kind, namespace: workload.namespace, name: workload.name)
        let newest = snapshot.controllerRevisions(ownedBy: owner).max { $0.revision < $1.revision }
        return WorkloadStatus(
            owner: owner, desired: workload.desiredReplicas, ready: workload.readyReplicas,
            upToDate: workload.updatedReplicas, available: workload.availableReplicas,
            state: .of(replicated: workload), lastRollout: newest?.createdAt ?? workload.createdAt,
            createdAt: workload.createdAt)
    }

    static func of(job: JobSummary) -> WorkloadStatus {
        WorkloadStatus(
            owner: OwnerKey(kind: "Job", namespace: job.namespace, name: job.name), desired: job.wantedCompletions,
            ready: job.active, available: job.succeeded, state: .of(job: job),
            lastRollout: job.startTime ?? job.createdAt,
            note: "\(job.active) active, \(job.succeeded) succeeded, \(job.failed) failed", createdAt: job.createdAt)
    }

    static func of(cronJob: CronJobSummary) -> WorkloadStatus {
        WorkloadStatus(
            owner: OwnerKey(kind: "CronJob", namespace: cronJob.namespace, name: cronJob.name),
            state: .of(cronJob: cronJob), lastRollout: cronJob.lastScheduleTime,
            note: "\(cronJob.schedule), \(cronJob.activeJobs) jobs active", createdAt: cronJob.createdAt)
    }
}
