import ClusterModel
import Foundation

/// One runbook action as a pure state machine: permission checks → dry run and diff → confirmation → writes
/// carrying the planned resourceVersion (a 409 re-plans and asks again if the plan changed) → verification →
/// rollback from the snapshot when verification fails. An action that sends nothing (refused, declined, a dry run)
/// records nothing. Feed it inputs, perform the actions it returns (a driver
/// does, with a client, the store and the engineer), feed the results back.
public struct RunbookExecution: Sendable {
    public enum State: Sendable, Equatable {
        case idle
        case checkingAccess
        case dryRunning(step: Int)
        case confirming
        case applying(step: Int, attempt: Int)
        case replanning
        case verifying
        case offeringRollback
        case rollingBack(step: Int)
        case finished
    }

    public enum Input: Sendable, Equatable {
        case start
        case accessChecked([AccessDecision])
        case accessCheckFailed(String)
        case dryRunSucceeded(step: Int, KubeWriteResponse)
        case dryRunFailed(step: Int, WriteFailure)
        /// The engineer confirmed; `typed` is what they typed when a name was asked for.
        case confirmed(typed: String?)
        case declined
        case applySucceeded(step: Int, KubeWriteResponse)
        case applyFailed(step: Int, WriteFailure)
        case retryTimerFired
        case replanned(RunbookPlan)
        case replanFailed(String)
        case verified(VerificationOutcome)
        case rollbackAccepted
        case rollbackDeclined
        case rollbackSucceeded(step: Int, KubeWriteResponse)
        case rollbackFailed(step: Int, WriteFailure)
        /// The guard rail re-checked before a step: the refusal, or nil to go on.
        case guardChecked(step: Int, refusal: String?)
        /// How an `evict-pods` step's drain ended.
        case drained(step: Int, DrainOutcome)
    }

    /// How a drain ended: every evicted pod gone, out of time, or cancelled by the engineer; `summary` says what
    /// was and was not evicted.
    public enum DrainOutcome: Sendable, Equatable {
        case completed(summary: String)
        case timedOut(after: Double, summary: String)
        case cancelled(summary: String)
    }

    public enum Action: Sendable, Equatable {
        case checkAccess([AccessAttributes])
        case dryRun(step: Int, KubeWrite)
        case confirm(RunbookPreview)
        case record(ActionEvent)
        case apply(step: Int, KubeWrite)
        case scheduleRetry(after: Duration)
        /// Read the subject again and plan anew (the object changed since it was planned).
        case replan
        /// Wait on the store for the verification; `minimumGeneration` is the generation the write produced.
        case verify(PlannedVerification, minimumGeneration: Int64?)
        case offerRollback(VerificationOutcome)
        case rollback(step: Int, KubeWrite)
        /// Re-check the plan's guard rail on the store's current view before this step.
        case checkGuard(step: Int, NodeGuard)
        /// Run an `evict-pods` step: each eviction recorded as a step of the action, progress reported.
        case drain(step: Int, DrainPlan)
        case finish(RunbookResult)
    }

    public struct Options: Sendable, Equatable {
        /// Refuse anything but read-only runbooks.
        public var isReadOnly: Bool
        /// Stop after the dry run and diff.
        public var isDryRunOnly: Bool
        /// Do not wait for verification.
        public var skipsVerification: Bool
        /// Re-plans after 409s before giving up.
        public var maximumReplans: Int

        public init(
            isReadOnly: Bool = false, isDryRunOnly: Bool = false, skipsVerification: Bool = false,
            maximumReplans: Int = 3
        ) {
            self.isReadOnly = isReadOnly
            self.isDryRunOnly = isDryRunOnly
            self.skipsVerification = skipsVerification
            self.maximumReplans = maximumReplans
        }
    }

    public private(set) var state: State = .idle
    public private(set) var plan: RunbookPlan
    public let options: Options
    private var dryRuns: [KubeWriteResponse?] = []
    private var preview: RunbookPreview?
    private var confirmedPreview: RunbookPreview?
    /// The confirmation the next intent carries into the record.
    private var confirmation: Confirmation?
    /// Whether an intent was recorded (an action that sent nothing leaves no record).
    private var hasRecorded = false
    private var applied: [Int] = []
    private var generation: Int64?
    private var replans = 0
    private var verification: VerificationOutcome?
    /// What the drain did, for the result.
    private var drainSummary: String?
    /// Steps whose guard rail passed for the current attempt.
    private var guardPassed: Int?

    public init(plan: RunbookPlan, options: Options = Options()) {
        self.plan = plan
        self.options = options
    }

    public mutating func handle(_ input: Input) -> [Action] {
        switch (state, input) {
        case (.idle, .start):
            if let done = plan.alreadyDone { return finish(.unchanged, "nothing to do: \(done)") }
            if options.isReadOnly, plan.risk != .readOnly {
                return finish(.refused, "read-only: '\(plan.runbook)' would change the cluster")
            }
            if plan.accessChecks.isEmpty { return dryRun(0) }
            state = .checkingAccess
            return [.checkAccess(plan.accessChecks)]

        case (.checkingAccess, .accessChecked(let decisions)):
            let denied = decisions.filter { !$0.allowed }
            if !denied.isEmpty { return finish(.refused, RunbooksError.forbidden(denied).description) }
            return dryRun(0)

        case (.checkingAccess, .accessCheckFailed(let message)):
            return finish(.refused, "cannot check permissions: \(message)")

        case (.dryRunning(let step), .dryRunSucceeded(let index, let response)) where index == step:
            dryRuns.append(response)
            return dryRun(step + 1)

        case (.dryRunning(let step), .dryRunFailed(let index, let failure)) where index == step:
            if case .conflict = failure { return replan() }
            return finish(.refused, dryRunRefusal(step: step, failure))

        case (.confirming, .confirmed(let typed)):
            if case .typeName(let name) = plan.confirmation, typed != name {
                return finish(.declined, "confirmation typed '\(typed ?? "")', not '\(name)': nothing changed")
            }
            confirmedPreview = preview
            confirmation = preview.map { Confirmation(preview: $0, answer: typed ?? "y") }
            return apply(applied.count, attempt: 1)

        case (.confirming, .declined):
            return finish(.declined, "declined: nothing changed")

        case (.applying(let step, _), .applySucceeded(let index, let response)) where index == step:
            applied.append(step)
            generation = response.body?[path: ["metadata", "generation"]]?.intValue ?? generation
            let result = ActionEvent.result(
                step: plan.steps[step].name, status: response.status, message: "applied", isRollback: false)
            return [.record(result)] + apply(step + 1, attempt: 1)

        case (.applying(let step, let attempt), .applyFailed(let index, let failure)) where index == step:
            let record = Action.record(
                .result(
                    step: plan.steps[step].name, status: failure.status, message: failure.description, isRollback: false
                ))
            return [record] + route(step: step, attempt: attempt, failure)

        case (.applying(let step, let attempt), .retryTimerFired):
            return send(step, attempt: attempt)

        case (.replanning, .replanned(let fresh)):
            plan = fresh
            dryRuns = []
            return dryRun(0)

        case (.replanning, .replanFailed(let message)):
            return finish(applied.isEmpty ? .refused : .failed, "re-planning after a conflict failed: \(message)")

        case (.verifying, .verified(let outcome)):
            verification = outcome
            let record = Action.record(.verified(outcome))
            if outcome.isPassed { return [record] + finish(.verified, outcome.text) }
            guard !plan.rollback.isEmpty else {
                let why = plan.rollbackUnavailable.map { "; no rollback: \($0)" } ?? ""
                return [record] + finish(.verificationFailed, outcome.description + why)
            }
            state = .offeringRollback
            return [record, .offerRollback(outcome)]

        case (.offeringRollback, .rollbackAccepted):
            return rollback(0)

        case (.offeringRollback, .rollbackDeclined):
            return finish(
                .verificationFailed, (verification?.description ?? "verification failed") + "; not rolled back")

        case (.rollingBack(let step), .rollbackSucceeded(let index, let response)) where index == step:
            let record = Action.record(
                .result(step: "rollback \(step + 1)", status: response.status, message: "restored", isRollback: true))
            return [record] + rollback(step + 1)

        case (.rollingBack(let step), .rollbackFailed(let index, let failure)) where index == step:
            let record = Action.record(
                .result(
                    step: "rollback \(step + 1)", status: failure.status, message: failure.description, isRollback: true
                ))
            return [record] + finish(.failed, "rollback step \(step + 1) failed: \(failure)")

        case (.applying(let step, let attempt), .guardChecked(let index, let refusal)) where index == step:
            guard let refusal else {
                guardPassed = step
                return send(step, attempt: attempt)
            }
            return finish(
                applied.isEmpty ? .refused : .failed, refusal + (applied.isEmpty ? "" : "; earlier steps stay applied"))

        case (.applying(let step, _), .drained(let index, let outcome)) where index == step:
            switch outcome {
            case .completed(let summary):
                applied.append(step)
                drainSummary = summary
                return apply(step + 1, attempt: 1)
            case .timedOut(let after, let summary):
                return finish(
                    .failed,
                    "the drain timed out after \(DurationText.format(after)): \(summary); the node stays cordoned")
            case .cancelled(let summary):
                return finish(.cancelled, "stopped on request: \(summary); the node stays cordoned")
            }

        default:
            return []
        }
    }

    // MARK: Transitions

    private mutating func dryRun(_ step: Int) -> [Action] {
        guard step < plan.steps.count else { return previewReady() }
        if plan.steps[step].drain != nil {
            // The evictions are not dry-run one by one: the preview shows the drain plan and the budgets instead.
            dryRuns.append(nil)
            return dryRun(step + 1)
        }
        state = .dryRunning(step: step)
        return [.dryRun(step: step, plan.steps[step].write)]
    }

    private mutating func previewReady() -> [Action] {
        let ready = RunbookPreview.make(plan: plan, responses: dryRuns)
        preview = ready
        if options.isDryRunOnly {
            return finish(.dryRun, "nothing changed", preview: ready)
        }
        if let confirmed = confirmedPreview {
            if ready.changesTheSame(as: confirmed) { return apply(applied.count, attempt: 1) }
            confirmedPreview = nil
        }
        if plan.confirmation == .none {
            confirmedPreview = ready
            return apply(applied.count, attempt: 1)
        }
        state = .confirming
        return [.confirm(ready)]
    }

    private mutating func apply(_ step: Int, attempt: Int) -> [Action] {
        guard step < plan.steps.count else { return verify() }
        return send(step, attempt: attempt)
    }

    private mutating func send(_ step: Int, attempt: Int) -> [Action] {
        state = .applying(step: step, attempt: attempt)
        if let nodeGuard = plan.nodeGuard, guardPassed != step { return [.checkGuard(step: step, nodeGuard)] }
        guardPassed = nil
        if let drain = plan.steps[step].drain {
            hasRecorded = true
            return [.drain(step: step, drain)]
        }
        let write = plan.steps[step].write
        return [.record(intent(plan.steps[step].name, write, isRollback: false)), .apply(step: step, write)]
    }

    /// The intent of `write`, carrying the pending confirmation.
    private mutating func intent(_ name: String, _ write: KubeWrite, isRollback: Bool) -> ActionEvent {
        defer { confirmation = nil }
        hasRecorded = true
        return .intent(ActionIntent(step: name, write: write, isRollback: isRollback, confirmed: confirmation))
    }

    private mutating func route(step: Int, attempt: Int, _ failure: WriteFailure) -> [Action] {
        let planned = plan.steps[step]
        switch failure {
        case .conflict:
            return replan()
        case .transient where attempt <= planned.retries:
            state = .applying(step: step, attempt: attempt + 1)
            return [.scheduleRetry(after: .seconds(1 << min(attempt - 1, 5)))]
        default:
            break
        }
        let message = "step '\(planned.name)' failed: \(failure)"
        switch planned.onFailure {
        case .abort:
            let partial = applied.isEmpty ? "" : " (earlier steps stay applied)"
            return finish(.failed, message + partial)
        case .continue:
            return apply(step + 1, attempt: 1)
        case .rollback:
            guard !applied.isEmpty, !plan.rollback.isEmpty else { return finish(.failed, message) }
            return rollback(0)
        }
    }

    private mutating func replan() -> [Action] {
        guard replans < options.maximumReplans else {
            return finish(
                applied.isEmpty ? .refused : .failed,
                "the object kept changing (\(replans + 1) conflicts): nothing more was sent")
        }
        replans += 1
        state = .replanning
        return [.replan]
    }

    private mutating func verify() -> [Action] {
        if plan.verification.condition == .none {
            return finish(
                .applied, drainSummary.map { "drained: \($0)" } ?? "applied; the runbook has nothing to verify")
        }
        if options.skipsVerification {
            return finish(.applied, "applied; verification skipped (--no-wait)")
        }
        state = .verifying
        return [.verify(plan.verification, minimumGeneration: generation)]
    }

    private mutating func rollback(_ step: Int) -> [Action] {
        guard step < plan.rollback.count else {
            return finish(.rolledBack, (verification?.description ?? "a step failed") + "; the snapshot was restored")
        }
        state = .rollingBack(step: step)
        let write = plan.rollback[step]
        return [.record(intent("rollback \(step + 1)", write, isRollback: true)), .rollback(step: step, write)]
    }

    private mutating func finish(_ status: RunbookResult.Status, _ message: String, preview: RunbookPreview? = nil)
        -> [Action]
    {
        state = .finished
        let result = RunbookResult(status, message, preview: preview ?? self.preview, verification: verification)
        return (hasRecorded ? [.record(.finished(result))] : []) + [.finish(result)]
    }

    /// Why the server refused a dry run, with the way out when it is a resize the node or server cannot do.
    private func dryRunRefusal(step: Int, _ failure: WriteFailure) -> String {
        let planned = plan.steps[step]
        let fallback = plan.otherwise.map { "; the runbook '\($0)' changes the owning workload instead" } ?? ""
        if planned.kind == .resizePod {
            switch failure {
            case .notFound:
                return "this API server does not serve pods/resize (in-place resize is beta from Kubernetes 1.33, "
                    + "GA in 1.35)" + fallback
            case .rejected(422, let message) where message.localizedCaseInsensitiveContains("resize"):
                return "the pod cannot be resized in place: \(message)" + fallback
            default:
                break
            }
        }
        return "the server refused the dry run of '\(planned.name)': \(failure)"
    }
}
