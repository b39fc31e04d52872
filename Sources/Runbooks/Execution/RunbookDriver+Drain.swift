import ClusterModel
import Foundation

/// Numbers an action's records in order, from the driver and from a drain's concurrent evictions alike.
final class ActionSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func next() -> Int {
        lock.withLock {
            last += 1
            return last
        }
    }
}

/// What a drain needs to record each eviction as a step of the action: an intent before the request, its result
/// after.
struct DrainRecording: Sendable {
    let recorder: any ActionRecorder
    let actionID: String
    let plan: RunbookPlan
    let step: String
    let sequence: ActionSequence
    let clock: @Sendable () -> Date

    func record(_ event: ActionEvent) async throws {
        try await recorder.record(
            ActionRecord(event, actionID: actionID, sequence: sequence.next(), time: clock(), plan: plan))
    }
}

extension RunbookDriver {
    /// Evictions in flight at once (kubectl sends them all; this keeps a node of thousands of pods in bounds).
    static let evictionsInFlight = 64

    /// Runs a drain: evicts every planned pod (several in flight), retries a budget's 429 with back-off, waits on the
    /// store until every evicted pod is gone from the node, and stops at the plan's timeout or when the engineer
    /// cancels (in-flight evictions are answered and recorded first). Reports `DrainProgress` on every change and
    /// every 2 s while it waits.
    func drain(_ plan: DrainPlan, recording: DrainRecording) async -> RunbookExecution.DrainOutcome {
        let writes = Dictionary(plan.evictions.map { ($0.pod, $0.write) }) { first, _ in first }
        let snapshot = await store.snapshot()
        var progress = DrainProgress(
            plan: plan, startedAt: clock(),
            isNodeReady: snapshot.nodes[ObjectKey(namespace: "", name: plan.node)]?.ready?.status == .isTrue)
        conversation.report(.draining(progress, at: clock()))
        return await withTaskGroup(of: (ObjectKey, Result<KubeWriteResponse, WriteFailure>)?.self) { group in
            var inFlight = 0
            var timerPending = false
            var lastReport = ContinuousClock.now
            var reported = progress
            var stopping: RunbookExecution.DrainOutcome?
            while true {
                let now = clock()
                progress.observe(await store.snapshot(), at: now)
                if stopping == nil {
                    if progress.isFinished {
                        stopping = .completed(summary: progress.summary)
                    } else if conversation.isCancelled {
                        stopping = .cancelled(summary: progress.summary)
                    } else if now >= progress.deadline {
                        stopping = .timedOut(after: plan.timeout, summary: progress.summary)
                    }
                }
                if let outcome = stopping, inFlight == 0 {
                    group.cancelAll()
                    conversation.report(.draining(progress, at: now))
                    return Self.finalSummary(outcome, progress)
                }
                if stopping == nil {
                    for pod in progress.due(at: now).prefix(max(0, Self.evictionsInFlight - inFlight)) {
                        guard let write = writes[pod] else { continue }
                        progress.sending(pod, at: now)
                        inFlight += 1
                        group.addTask {
                            do {
                                try await recording.record(
                                    .intent(ActionIntent(step: "evict pod \(pod)", write: write, isRollback: false)))
                            } catch {
                                return (pod, .failure(.transient("cannot record the eviction: \(error)")))
                            }
                            let answer = await send(write, dryRun: false, timeout: 30)
                            let (status, message) = answer.map(
                                success: { ($0.status, "evicted") }, failure: { ($0.status, $0.description) })
                            try? await recording.record(
                                .result(step: "evict pod \(pod)", status: status, message: message, isRollback: false))
                            return (pod, answer)
                        }
                    }
                }
                if progress != reported || ContinuousClock.now - lastReport > .seconds(2) {
                    conversation.report(.draining(progress, at: now))
                    reported = progress
                    lastReport = ContinuousClock.now
                }
                if !timerPending {
                    timerPending = true
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(50))
                        return nil
                    }
                }
                guard let next = await group.next() else { continue }
                guard let (pod, answer) = next else {
                    timerPending = false
                    continue
                }
                inFlight -= 1
                Self.apply(answer, to: &progress, pod: pod, at: clock())
            }
        }
    }

    /// The final outcome, with the summary as of the end.
    static func finalSummary(_ outcome: RunbookExecution.DrainOutcome, _ progress: DrainProgress)
        -> RunbookExecution.DrainOutcome
    {
        switch outcome {
        case .completed: .completed(summary: progress.summary)
        case .timedOut(let after, _): .timedOut(after: after, summary: progress.summary)
        case .cancelled: .cancelled(summary: progress.summary)
        }
    }

    /// Moves a pod on by the server's answer to its eviction.
    static func apply(
        _ answer: Result<KubeWriteResponse, WriteFailure>, to progress: inout DrainProgress, pod: ObjectKey,
        at time: Date
    ) {
        switch answer {
        case .success:
            progress.evicted(pod, at: time)
        case .failure(.blockedByBudget(let budget, let message, let retryAfter)):
            progress.blocked(pod, budget: budget, message: message, retryAfter: retryAfter, at: time)
        case .failure(.notFound), .failure(.conflict):
            // Gone already, or replaced by a pod of the same name (the UID precondition): not ours to wait for.
            progress.gone(pod, at: time)
        case .failure(.transient(let message)):
            progress.failed(pod, message: message, isFinal: false, at: time)
        case .failure(let failure):
            progress.failed(pod, message: failure.description, isFinal: true, at: time)
        }
    }
}
