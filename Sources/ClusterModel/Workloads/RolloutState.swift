import Foundation

/// Where a workload's rollout (or a Job's run) stands, as `kubectl rollout status` would judge it.
public enum RolloutState: Sendable, Hashable, CustomStringConvertible {
    /// Every replica runs the current template and is available.
    case complete
    /// A new template is being rolled out, or replicas are not all available yet.
    case progressing
    /// The rollout stopped making progress (`reason`: `ProgressDeadlineExceeded`).
    case stalled(reason: String)
    /// `spec.paused`: changes to the template wait.
    case paused
    /// A suspended Job or CronJob.
    case suspended
    /// A Job with pods still to finish, or a CronJob with running Jobs.
    case running
    /// A Job that gave up (`reason`: `BackoffLimitExceeded`, `DeadlineExceeded`).
    case failed(reason: String)
    /// A CronJob waiting for its next schedule.
    case scheduled

    public var description: String {
        switch self {
        case .complete: "Complete"
        case .progressing: "Progressing"
        case .stalled(let reason): "Stalled (\(reason))"
        case .paused: "Paused"
        case .suspended: "Suspended"
        case .running: "Running"
        case .failed(let reason): "Failed (\(reason))"
        case .scheduled: "Scheduled"
        }
    }

    /// Whether the state needs a look: stalled or failed.
    public var isTrouble: Bool {
        switch self {
        case .stalled, .failed: true
        default: false
        }
    }

    /// A Deployment's state from its status: paused, stalled past its progress deadline, progressing while the
    /// controller has not seen the latest generation or replicas are not all updated and available, else complete.
    public static func of(deployment: WorkloadSummary) -> RolloutState {
        if deployment.isPaused { return .paused }
        if let progressing = deployment.progressing, progressing.reason == "ProgressDeadlineExceeded" {
            return .stalled(reason: "ProgressDeadlineExceeded")
        }
        return isSettled(deployment, replicasMatter: true) ? .complete : .progressing
    }

    /// A StatefulSet's or DaemonSet's state: progressing until the latest generation is observed and every replica
    /// runs the update revision and is available.
    public static func of(replicated workload: WorkloadSummary) -> RolloutState {
        if let update = workload.updateRevision, let current = workload.currentRevision, update != current {
            return .progressing
        }
        return isSettled(workload, replicasMatter: workload.kind != "DaemonSet") ? .complete : .progressing
    }

    /// A Job's state from its conditions and counts.
    public static func of(job: JobSummary) -> RolloutState {
        if let failure = job.failure, failure.status == .isTrue { return .failed(reason: failure.reason ?? "Failed") }
        if let complete = job.complete, complete.status == .isTrue { return .complete }
        if job.isSuspended { return .suspended }
        return .running
    }

    /// A CronJob's state: suspended, running Jobs, or waiting for its schedule.
    public static func of(cronJob: CronJobSummary) -> RolloutState {
        if cronJob.isSuspended { return .suspended }
        return cronJob.activeJobs > 0 ? .running : .scheduled
    }

    private static func isSettled(_ workload: WorkloadSummary, replicasMatter: Bool) -> Bool {
        guard workload.observedGeneration >= workload.generation else { return false }
        let desired = workload.desiredReplicas
        guard workload.updatedReplicas >= desired, workload.availableReplicas >= desired else { return false }
        return !replicasMatter || workload.replicas <= workload.updatedReplicas
    }
}
