import ClusterModel
import Foundation
import Runbooks
import Testing

/// Verification against hand-built snapshots on a hand-moved clock.
@Suite("Verification on the store")
struct VerificationTrackerTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let workload = ObjectRef(kind: "Deployment", namespace: "kube-system", name: "coredns")
    static let limit = ContainerResources(memoryLimitBytes: 255 * 1_048_576)

    static func pod(_ name: String, uid: String, memory: Int64, ready: Bool = true, oom: Bool = false) -> PodSummary {
        PodSummary(
            namespace: "kube-system", name: name, uid: uid, labels: ["app": "coredns"],
            controller: OwnerRef(kind: "ReplicaSet", name: "coredns-abc"),
            containers: [
                ContainerSpecSummary(name: "coredns", resources: ContainerResources(memoryLimitBytes: memory))
            ],
            containerStatuses: [
                ContainerStatusSummary(
                    name: "coredns", ready: ready, restartCount: oom ? 1 : 0,
                    lastState: oom ? .terminated(Termination(reason: "OOMKilled", exitCode: 137)) : .none)
            ],
            ready: ConditionSummary(status: ready ? .isTrue : .isFalse))
    }

    static func snapshot(_ pods: [PodSummary], observed: Int64 = 5) -> ClusterSnapshot {
        ClusterSnapshot(
            pods: pods,
            workloads: [
                WorkloadSummary(
                    kind: "Deployment", namespace: "kube-system", name: "coredns", desiredReplicas: 2, generation: 5,
                    observedGeneration: observed),
                WorkloadSummary(
                    kind: "ReplicaSet", namespace: "kube-system", name: "coredns-abc", desiredReplicas: 2,
                    controller: OwnerRef(kind: "Deployment", name: "coredns")),
            ])
    }

    static func tracker(quietFor: Double = 120) -> VerificationTracker {
        VerificationTracker(
            PlannedVerification(
                condition: .rolloutComplete(
                    workload: workload, container: "coredns", expected: limit, podsBefore: ["old-1", "old-2"],
                    quietFor: quietFor),
                timeout: 300),
            startedAt: t0, minimumGeneration: 5)
    }

    @Test func aRolloutPassesOnceCompleteAndQuietForTheWindow() {
        var tracker = Self.tracker()
        let old = Self.pod("coredns-old-1", uid: "old-1", memory: 170 * 1_048_576)
        let new1 = Self.pod("coredns-new-1", uid: "new-1", memory: 255 * 1_048_576)
        let new2 = Self.pod("coredns-new-2", uid: "new-2", memory: 255 * 1_048_576)
        #expect(tracker.observe(Self.snapshot([old, new1]), now: Self.t0.addingTimeInterval(10)) == nil)
        #expect(tracker.progress.contains("1/2 new pods ready, 1 old left"))
        #expect(tracker.observe(Self.snapshot([new1, new2], observed: 4), now: Self.t0.addingTimeInterval(20)) == nil)
        #expect(tracker.observe(Self.snapshot([new1, new2]), now: Self.t0.addingTimeInterval(30)) == nil)
        #expect(tracker.progress.hasSuffix("; watching for OOM kills for 2m more"), "\(tracker.progress)")
        #expect(tracker.observe(Self.snapshot([new1, new2]), now: Self.t0.addingTimeInterval(149)) == nil)
        #expect(tracker.progress.hasSuffix("; watching for OOM kills for 1s more"), "what is left, not a timestamp")
        #expect(
            tracker.observe(Self.snapshot([new1, new2]), now: Self.t0.addingTimeInterval(150))
                == .passed("rollout of deployment kube-system/coredns complete: 2/2 new pods ready; no OOM kill for 2m")
        )
    }

    @Test func anOOMKillOnANewPodFailsIt() {
        var tracker = Self.tracker()
        let new1 = Self.pod("coredns-new-1", uid: "new-1", memory: 255 * 1_048_576)
        let new2 = Self.pod("coredns-new-2", uid: "new-2", memory: 255 * 1_048_576, oom: true)
        #expect(
            tracker.observe(Self.snapshot([new1, new2]), now: Self.t0.addingTimeInterval(60))
                == .failed(
                    "container coredns of new pod kube-system/coredns-new-2 was OOM-killed at the new limit 255Mi"))
    }

    @Test func anOOMKillOnAnOldPodDoesNotCount() {
        var tracker = Self.tracker(quietFor: 0)
        let old = Self.pod("coredns-old-1", uid: "old-1", memory: 170 * 1_048_576, oom: true)
        let new1 = Self.pod("coredns-new-1", uid: "new-1", memory: 255 * 1_048_576)
        #expect(tracker.observe(Self.snapshot([old, new1]), now: Self.t0) == nil)
    }

    @Test func theTimeoutSaysWhatWasAwaited() {
        var tracker = Self.tracker()
        _ = tracker.observe(Self.snapshot([Self.pod("coredns-old-1", uid: "old-1", memory: 1)]), now: Self.t0)
        #expect(tracker.deadline == Self.t0.addingTimeInterval(300))
        #expect(
            tracker.timedOut
                == .timedOut(
                    "no result after 5m: rollout of deployment kube-system/coredns: 0/2 new pods ready, 1 old left"))
    }

    static func resizeTracker() -> VerificationTracker {
        VerificationTracker(
            PlannedVerification(
                condition: .resizeApplied(
                    pod: ObjectKey(namespace: "kube-system", name: "coredns-new-1"), uid: "new-1", container: "coredns",
                    expected: limit, quietFor: 0),
                timeout: 300),
            startedAt: t0, minimumGeneration: 2)
    }

    @Test func anInfeasibleResizeFailsWithTheKubeletsReason() {
        var tracker = Self.resizeTracker()
        var pod = Self.pod("coredns-new-1", uid: "new-1", memory: 255 * 1_048_576)
        pod.resizePending = ConditionSummary(
            status: .isTrue, reason: "Deferred", message: "Node didn't have enough resource")
        #expect(tracker.observe(ClusterSnapshot(pods: [pod]), now: Self.t0) == nil)
        #expect(tracker.progress == "resize pending (Deferred: Node didn't have enough resource)")
        pod.resizePending?.reason = "Infeasible"
        let outcome = tracker.observe(ClusterSnapshot(pods: [pod]), now: Self.t0)
        #expect(outcome?.description.contains("Infeasible: Node didn't have enough resource") == true)
    }

    @Test func anAppliedResizePassesOnceTheKubeletObservedTheGeneration() {
        var tracker = Self.resizeTracker()
        var pod = Self.pod("coredns-new-1", uid: "new-1", memory: 255 * 1_048_576)
        pod.generation = 2
        pod.observedGeneration = 1
        #expect(tracker.observe(ClusterSnapshot(pods: [pod]), now: Self.t0) == nil)
        pod.observedGeneration = 2
        pod.containerStatuses[0].resources = ContainerResources(memoryLimitBytes: 170 * 1_048_576)
        #expect(tracker.observe(ClusterSnapshot(pods: [pod]), now: Self.t0) == nil)
        pod.containerStatuses[0].resources = Self.limit
        #expect(
            tracker.observe(ClusterSnapshot(pods: [pod]), now: Self.t0)
                == .passed("pod kube-system/coredns-new-1 resized in place"))
    }

    @Test func aJobScheduledAfterTheSuspensionFailsIt() {
        var tracker = VerificationTracker(
            PlannedVerification(
                condition: .noNewJobs(cronJob: ObjectKey(namespace: "reports", name: "report"), window: 120),
                timeout: 300),
            startedAt: Self.t0, minimumGeneration: nil)
        let minute = Int64(Self.t0.timeIntervalSince1970) / 60
        let before = PodSummary(
            namespace: "reports", name: "report-\(minute)-x",
            controller: OwnerRef(kind: "Job", name: "report-\(minute)"))
        #expect(tracker.observe(ClusterSnapshot(pods: [before]), now: Self.t0.addingTimeInterval(60)) == nil)
        #expect(
            tracker.observe(ClusterSnapshot(pods: [before]), now: Self.t0.addingTimeInterval(120))
                == .passed("no new job of cronjob reports/report for 2m"))
        let after = PodSummary(
            namespace: "reports", name: "report-\(minute + 1)-x",
            controller: OwnerRef(kind: "Job", name: "report-\(minute + 1)"))
        var fresh = VerificationTracker(tracker.verification, startedAt: Self.t0, minimumGeneration: nil)
        #expect(
            fresh.observe(ClusterSnapshot(pods: [before, after]), now: Self.t0.addingTimeInterval(70))?.isPassed
                == false)
    }
}
