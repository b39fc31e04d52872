import Foundation
import Testing

@testable import ClusterModel

@Suite("Rollout states")
struct RolloutStateTests {
    static func deployment(
        desired: Int = 3, replicas: Int = 3, updated: Int = 3, available: Int = 3, generation: Int64 = 2,
        observed: Int64 = 2, paused: Bool = false, progressing: String? = "NewReplicaSetAvailable"
    ) -> WorkloadSummary {
        WorkloadSummary(
            kind: "Deployment", namespace: "shop", name: "web", desiredReplicas: desired, readyReplicas: available,
            availableReplicas: available, updatedReplicas: updated, generation: generation,
            observedGeneration: observed, isPaused: paused, replicas: replicas,
            progressing: progressing.map { ConditionSummary(status: .isTrue, reason: $0) })
    }

    static let deployments: [(String, WorkloadSummary, RolloutState)] = [
        ("every replica updated and available", deployment(), .complete),
        ("the controller has not seen the new generation", deployment(generation: 3), .progressing),
        ("one replica still runs the old template", deployment(updated: 2), .progressing),
        ("an old replica is still terminating", deployment(replicas: 4), .progressing),
        ("an updated replica is not available yet", deployment(available: 2), .progressing),
        ("paused mid-rollout", deployment(updated: 1, paused: true), .paused),
        (
            "past its progress deadline", deployment(updated: 1, progressing: "ProgressDeadlineExceeded"),
            .stalled(reason: "ProgressDeadlineExceeded")
        ),
        ("scaled to zero", deployment(desired: 0, replicas: 0, updated: 0, available: 0), .complete),
    ]

    @Test(arguments: deployments)
    func deploymentState(name: String, deployment: WorkloadSummary, expected: RolloutState) {
        #expect(RolloutState.of(deployment: deployment) == expected, "\(name)")
    }

    static let replicated: [(String, WorkloadSummary, RolloutState)] = [
        (
            "a StatefulSet between revisions",
            WorkloadSummary(
                kind: "StatefulSet", namespace: "shop", name: "db", desiredReplicas: 2, readyReplicas: 2,
                availableReplicas: 2, updatedReplicas: 2, currentRevision: "db-1", updateRevision: "db-2"),
            .progressing
        ),
        (
            "a StatefulSet on one revision",
            WorkloadSummary(
                kind: "StatefulSet", namespace: "shop", name: "db", desiredReplicas: 2, readyReplicas: 2,
                availableReplicas: 2, updatedReplicas: 2, currentRevision: "db-2", updateRevision: "db-2"),
            .complete
        ),
        (
            "a DaemonSet with a node still on the old template",
            WorkloadSummary(
                kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy", desiredReplicas: 4,
                readyReplicas: 4, availableReplicas: 4, updatedReplicas: 3, replicas: 4),
            .progressing
        ),
        (
            "a DaemonSet everywhere up to date",
            WorkloadSummary(
                kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy", desiredReplicas: 4,
                readyReplicas: 4, availableReplicas: 4, updatedReplicas: 4, replicas: 4),
            .complete
        ),
    ]

    @Test(arguments: replicated)
    func statefulSetAndDaemonSetState(name: String, workload: WorkloadSummary, expected: RolloutState) {
        #expect(RolloutState.of(replicated: workload) == expected, "\(name)")
    }

    static let jobs: [(String, JobSummary, RolloutState)] = [
        ("pods still running", JobSummary(namespace: "r", name: "j", active: 3), .running),
        (
            "completed",
            JobSummary(namespace: "r", name: "j", succeeded: 1, complete: ConditionSummary(status: .isTrue)),
            .complete
        ),
        (
            "out of retries",
            JobSummary(
                namespace: "r", name: "j", failed: 7,
                failure: ConditionSummary(status: .isTrue, reason: "BackoffLimitExceeded")),
            .failed(reason: "BackoffLimitExceeded")
        ),
        ("suspended", JobSummary(namespace: "r", name: "j", isSuspended: true), .suspended),
    ]

    @Test(arguments: jobs)
    func jobState(name: String, job: JobSummary, expected: RolloutState) {
        #expect(RolloutState.of(job: job) == expected, "\(name)")
    }

    @Test func cronJobStateFollowsSuspensionAndActiveJobs() {
        #expect(RolloutState.of(cronJob: CronJobSummary(namespace: "r", name: "c", activeJobs: 2)) == .running)
        #expect(RolloutState.of(cronJob: CronJobSummary(namespace: "r", name: "c")) == .scheduled)
        #expect(
            RolloutState.of(cronJob: CronJobSummary(namespace: "r", name: "c", isSuspended: true, activeJobs: 1))
                == .suspended)
    }

    @Test func statesReadAsWords() {
        #expect(
            RolloutState.stalled(reason: "ProgressDeadlineExceeded").description == "Stalled (ProgressDeadlineExceeded)"
        )
        #expect(RolloutState.failed(reason: "BackoffLimitExceeded").description == "Failed (BackoffLimitExceeded)")
        #expect(RolloutState.complete.description == "Complete")
    }
}
