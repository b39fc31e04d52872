import ClusterModel
import Foundation

/// How a verification ended.
public enum VerificationOutcome: Sendable, Hashable, Codable, CustomStringConvertible {
    case passed(String)
    case failed(String)
    /// The timeout passed on the cluster's clock; the text says what was still awaited.
    case timedOut(String)

    public var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }

    /// What happened, without the outcome's name.
    public var text: String {
        switch self {
        case .passed(let text), .failed(let text), .timedOut(let text): text
        }
    }

    public var description: String {
        switch self {
        case .passed(let text): "passed: \(text)"
        case .failed(let text): "failed: \(text)"
        case .timedOut(let text): "timed out: \(text)"
        }
    }
}

/// Evaluates a planned verification against successive store snapshots, on the cluster's clock. Pure: it keeps
/// what it has seen (when the rollout completed, the restart counts at the start) and answers when it knows.
public struct VerificationTracker: Sendable {
    public let verification: PlannedVerification
    /// The cluster time verification began (after the last write).
    public let startedAt: Date
    /// The subject's `metadata.generation` in the write's answer; the controller must observe at least it.
    public let minimumGeneration: Int64?
    /// What it is waiting for now, for progress lines.
    public private(set) var progress = "waiting for the first view"
    private var completeSince: Date?
    private var restartsAtStart: Int?

    public init(_ verification: PlannedVerification, startedAt: Date, minimumGeneration: Int64?) {
        self.verification = verification
        self.startedAt = startedAt
        self.minimumGeneration = minimumGeneration
    }

    /// The cluster time after which it gives up.
    public var deadline: Date { startedAt.addingTimeInterval(verification.timeout) }

    /// The outcome once the timeout has passed.
    public var timedOut: VerificationOutcome {
        .timedOut("no result after \(DurationText.format(verification.timeout)): \(progress)")
    }

    /// Looks at one snapshot at cluster time `now`; an outcome once there is one.
    public mutating func observe(_ snapshot: ClusterSnapshot, now: Date) -> VerificationOutcome? {
        switch verification.condition {
        case .rolloutComplete(let workload, let container, let expected, let podsBefore, let quietFor):
            return rollout(
                snapshot, now: now, workload: workload, container: container, expected: expected,
                podsBefore: podsBefore, quietFor: quietFor)
        case .resizeApplied(let pod, let uid, let container, let expected, let quietFor):
            return resize(
                snapshot, now: now, key: pod, uid: uid, container: container, expected: expected, quietFor: quietFor)
        case .podReplaced(let pod, let uid, let owner):
            return replaced(snapshot, key: pod, uid: uid, owner: owner)
        case .replicasReady(let workload, let replicas):
            return replicasReady(snapshot, workload: workload, replicas: replicas)
        case .noNewJobs(let cronJob, let window):
            return noNewJobs(snapshot, now: now, cronJob: cronJob, window: window)
        case .none:
            return .passed("nothing to verify")
        }
    }

    /// Whether a container's resources carry every value `expected` sets.
    static func matches(_ resources: ContainerResources?, _ expected: ContainerResources?) -> Bool {
        guard let expected else { return true }
        guard let resources else { return false }
        func same<T: Equatable>(_ want: T?, _ have: T?) -> Bool { want == nil || want == have }
        return same(expected.memoryLimitBytes, resources.memoryLimitBytes)
            && same(expected.memoryRequestBytes, resources.memoryRequestBytes)
            && same(expected.cpuLimitMillis, resources.cpuLimitMillis)
            && same(expected.cpuRequestMillis, resources.cpuRequestMillis)
    }

    static func wasOOMKilled(_ status: ContainerStatusSummary) -> Bool {
        status.lastState.termination?.reason == "OOMKilled" || status.state.termination?.reason == "OOMKilled"
    }

    /// A quiet period that began at `since`: passed once it has lasted `length`.
    mutating func quiet(since: Date, now: Date, length: Double, passed: String, waiting: String)
        -> VerificationOutcome?
    {
        if now.timeIntervalSince(since) >= length {
            return .passed(length > 0 ? "\(passed); no OOM kill for \(DurationText.format(length))" : passed)
        }
        let left = (length - now.timeIntervalSince(since)).rounded(.up)
        progress = "\(waiting); watching for OOM kills for \(DurationText.format(left)) more"
        return nil
    }

    private mutating func rollout(
        _ snapshot: ClusterSnapshot, now: Date, workload: ObjectRef, container: String?, expected: ContainerResources?,
        podsBefore: Set<String>, quietFor: Double
    ) -> VerificationOutcome? {
        guard let summary = snapshot[workloadsOf: workload.kind]?[workload.key] else {
            progress = "waiting for \(workload) in the store"
            return nil
        }
        let pods = BlastRadius.pods(of: workload, in: snapshot)
        let isNew = { (pod: PodSummary) in
            !podsBefore.contains(pod.uid)
                && Self.matches(container.flatMap { pod.container(named: $0)?.resources }, expected)
        }
        let fresh = pods.filter(isNew)
        let old = pods.filter { !isNew($0) }
        for pod in fresh {
            for status in pod.containerStatuses
            where (container == nil || status.name == container)
                && Self.wasOOMKilled(status)
            {
                return .failed(
                    "container \(status.name) of new pod \(pod.namespace)/\(pod.name) was OOM-killed"
                        + (expected?.memoryLimitBytes.map {
                            " at the new limit \(ParameterValue.memory(roundingUpToMebibytes: $0))"
                        } ?? ""))
            }
        }
        let ready = fresh.filter { $0.ready?.status == .isTrue }.count
        let generationSeen =
            summary.observedGeneration >= max(summary.generation, minimumGeneration ?? 0)
        let complete =
            generationSeen && old.isEmpty && ready >= summary.desiredReplicas
            && fresh.count >= summary.desiredReplicas
        let state = "\(ready)/\(summary.desiredReplicas) new pods ready, \(old.count) old left"
        guard complete || completeSince != nil else {
            progress = "rollout of \(workload): \(state)"
            return nil
        }
        let since = completeSince ?? now
        completeSince = since
        return quiet(
            since: since, now: now, length: quietFor,
            passed: "rollout of \(workload) complete: \(ready)/\(summary.desiredReplicas) new pods ready",
            waiting: "rollout of \(workload) complete")
    }

    private mutating func resize(
        _ snapshot: ClusterSnapshot, now: Date, key: ObjectKey, uid: String, container: String,
        expected: ContainerResources, quietFor: Double
    ) -> VerificationOutcome? {
        guard let pod = snapshot.pods[key], uid.isEmpty || pod.uid == uid else {
            return .failed("pod \(key) is gone")
        }
        if let pending = pod.resizePending, pending.status == .isTrue {
            let detail = [pending.reason, pending.message].compactMap { $0 }.joined(separator: ": ")
            if pending.reason == "Infeasible" {
                return .failed("the kubelet cannot resize: \(detail); raise the limit on the owning workload instead")
            }
            progress = "resize pending (\(detail))"
            return nil
        }
        if let inProgress = pod.resizeInProgress, inProgress.status == .isTrue {
            if inProgress.reason == "Error" {
                return .failed("the resize failed: \(inProgress.message ?? "error")")
            }
            progress = "resize in progress"
            return nil
        }
        if let observed = pod.observedGeneration, observed < max(pod.generation, minimumGeneration ?? 0) {
            progress = "waiting for the kubelet to observe generation \(max(pod.generation, minimumGeneration ?? 0))"
            return nil
        }
        guard let status = pod.containerStatuses.first(where: { $0.name == container }) else {
            progress = "waiting for the status of container \(container)"
            return nil
        }
        if let applied = status.resources, !Self.matches(applied, expected) {
            progress = "waiting for the runtime to apply the new resources"
            return nil
        }
        let baseline = restartsAtStart ?? status.restartCount
        restartsAtStart = baseline
        if status.restartCount > baseline, Self.wasOOMKilled(status) {
            return .failed("container \(container) of pod \(key) was OOM-killed after the resize")
        }
        let since = completeSince ?? now
        completeSince = since
        return quiet(
            since: since, now: now, length: quietFor, passed: "pod \(key) resized in place",
            waiting: "pod \(key) resized")
    }

    private mutating func replaced(_ snapshot: ClusterSnapshot, key: ObjectKey, uid: String, owner: ObjectRef?)
        -> VerificationOutcome?
    {
        if let pod = snapshot.pods[key], pod.uid == uid {
            progress = pod.deletionTimestamp == nil ? "pod \(key) still present" : "pod \(key) terminating"
            return nil
        }
        guard let owner else { return .passed("pod \(key) deleted") }
        guard let workload = snapshot[workloadsOf: owner.kind]?[owner.key] else {
            return .passed("pod \(key) deleted")
        }
        let ready = BlastRadius.pods(of: owner, in: snapshot).filter { $0.ready?.status == .isTrue }.count
        guard ready >= workload.desiredReplicas else {
            progress = "pod \(key) deleted; \(owner): \(ready)/\(workload.desiredReplicas) ready"
            return nil
        }
        return .passed("pod \(key) deleted; \(owner) back to \(ready)/\(workload.desiredReplicas) ready")
    }

    private mutating func replicasReady(_ snapshot: ClusterSnapshot, workload: ObjectRef, replicas: Int)
        -> VerificationOutcome?
    {
        guard let summary = snapshot[workloadsOf: workload.kind]?[workload.key] else {
            progress = "waiting for \(workload) in the store"
            return nil
        }
        let pods = BlastRadius.pods(of: workload, in: snapshot)
        let ready = pods.filter { $0.ready?.status == .isTrue }.count
        guard summary.desiredReplicas == replicas, pods.count == replicas, ready == replicas else {
            progress = "\(workload): \(ready)/\(replicas) ready, \(pods.count) pods"
            return nil
        }
        return .passed("\(workload) has \(replicas)/\(replicas) replicas ready")
    }

    private mutating func noNewJobs(_ snapshot: ClusterSnapshot, now: Date, cronJob: ObjectKey, window: Double)
        -> VerificationOutcome?
    {
        let prefix = cronJob.name + "-"
        for pod in snapshot.pods.values where pod.namespace == cronJob.namespace {
            guard let owner = pod.controller, owner.kind == "Job", owner.name.hasPrefix(prefix),
                let minutes = Int64(owner.name.dropFirst(prefix.count))
            else { continue }
            let scheduled = Date(timeIntervalSince1970: TimeInterval(minutes * 60))
            if scheduled > startedAt {
                return .failed("job \(owner.name) was scheduled at \(KubeTime.format(scheduled)), after the change")
            }
        }
        if now.timeIntervalSince(startedAt) >= window {
            return .passed("no new job of cronjob \(cronJob) for \(DurationText.format(window))")
        }
        progress =
            "watching for new jobs of cronjob \(cronJob) until \(KubeTime.format(startedAt.addingTimeInterval(window)))"
        return nil
    }
}
