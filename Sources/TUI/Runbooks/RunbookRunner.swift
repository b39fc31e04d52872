import ClusterModel
import Foundation
import Logging
import Runbooks
import Timeline

/// Runs the console's runbook actions: one `RunbookDriver` task per action talking to the panel through the
/// inbox, and permission checks for the selected row before any key is pressed.
@MainActor
final class RunbookRunner {
    let catalog: RunbookCatalog
    /// Where actions are recorded (an intent before every request): the incident journal; nil when it could not be
    /// opened, and then nothing runs.
    let journal: (any Journal)?
    let isReadOnly: Bool
    private let inbox: EventInbox
    private let logger: Logger
    private let answers = RunbookAnswers()
    private let cancellations = RunbookCancellations()
    private let locks = TargetLocks()
    private var nextAction = 1
    /// The row whose permissions are being checked, and the checks in flight.
    private var checkedTarget: RunbookTarget?
    private var checks: [Task<Void, Never>] = []
    /// The row selected last and since when: a row is checked once the cursor has rested on it.
    private var selected: (target: RunbookTarget?, since: ContinuousClock.Instant)?
    /// How long the cursor rests on a row before its permissions are checked (scrolling asks nothing).
    static let restingTime = Duration.milliseconds(300)

    init(catalog: RunbookCatalog, journal: (any Journal)?, isReadOnly: Bool, inbox: EventInbox, logger: Logger) {
        self.catalog = catalog
        self.journal = journal
        self.isReadOnly = isReadOnly
        self.inbox = inbox
        self.logger = logger
    }

    /// Why each runbook with a key cannot run on `target` (its kind, a read-only console, the server's refusal);
    /// runbooks missing here may run.
    func disabledReasons(for target: RunbookTarget?, state: AppState) -> [String: String] {
        var reasons: [String: String] = [:]
        for runbook in catalog.runbooks where runbook.key != nil {
            if let reason = refusal(runbook, target: target, state: state) { reasons[runbook.id] = reason }
        }
        return reasons
    }

    private func refusal(_ runbook: Runbook, target: RunbookTarget?, state: AppState) -> String? {
        guard let target else { return "no object on this row for a runbook" }
        if case .unavailable(let reason) = runbook.availability(for: target.kind, isReadOnly: isReadOnly) {
            return reason
        }
        if case .unavailable(let reason)? = state.runbookAccess[RunbookAccessKey(runbook: runbook.id, target: target)] {
            return reason
        }
        return nil
    }

    /// Starts `runbook` on `target`, or says why it cannot run there.
    func request(
        _ id: String, target: RunbookTarget?, settings: [String: String] = [:], state: AppState,
        connection: ClusterConnection?, context: String, clock: ClusterClock
    ) -> [AppEvent] {
        let runbook: Runbook
        do {
            runbook = try catalog.runbook(id)
        } catch {
            return [.runbookRefused(error.description)]
        }
        if let reason = refusal(runbook, target: target, state: state) {
            return [.runbookRefused("Runbook '\(id)' cannot run here: \(reason)")]
        }
        guard let target, let connection else { return [.runbookRefused("Runbook '\(id)': not connected")] }
        guard let journal else {
            return [
                .runbookRefused("Runbook '\(id)': the incident journal is unavailable, and actions are recorded there")
            ]
        }
        let action = nextAction
        nextAction += 1
        let panel = RunbookPanel(
            action: action, runbook: runbook, target: target, context: context, settings: settings,
            overrides: catalog.overridden[id] ?? [])
        let conversation = PanelConversation(
            action: action, inbox: inbox, answers: answers, cancellations: cancellations)
        let driver = RunbookDriverParts(
            recorder: JournalActionRecorder(journal: journal, context: context), conversation: conversation,
            locks: locks, context: context, isReadOnly: isReadOnly, clock: clock)
        let (inbox, answers, logger) = (inbox, answers, logger)
        logger.info("runbook \(id) on \(target) (action \(action))")
        Task.detached {
            let run = await driver.make(client: connection.client, store: connection.store).run(
                runbook, target: target, settings: settings)
            await answers.finish(action)
            logger.info("runbook \(id) on \(target): \(run.result)")
            inbox.post(
                .runbookFinished(
                    action: action, actionID: run.actionID, status: run.result.status, message: run.result.message))
        }
        return [.runbookStarted(panel)]
    }

    /// Looks for requests of the current incident sent without a recorded answer (a console or command that
    /// stopped mid-action): their result is unknown, and the footer offers to re-check them until someone does.
    func reportUnfinished() {
        guard let journal else { return }
        let inbox = inbox
        Task.detached {
            guard let incident = try? await journal.currentIncident(),
                let unfinished = try? await UnfinishedAction.find(in: journal, incident: incident.id),
                let offer = Self.unfinishedOffer(unfinished)
            else { return }
            inbox.post(.unfinishedActions(offer: offer, message: nil))
        }
    }

    /// Asks the cluster about each request of the current incident whose answer was never recorded (reads and
    /// dry runs only), records every verdict that settles one, and reports what it found and what is left.
    func recheckUnfinished(connection: ClusterConnection?, context: String, clock: ClusterClock) {
        let inbox = inbox
        guard let journal else {
            inbox.post(.messagePosted(StatusMessage("Nothing to re-check: the incident journal is unavailable")))
            return
        }
        guard let connection else {
            inbox.post(.messagePosted(StatusMessage("Cannot re-check: not connected", isError: true)))
            return
        }
        Task.detached {
            do {
                guard let incident = try await journal.currentIncident() else {
                    inbox.post(.unfinishedActions(offer: nil, message: StatusMessage("No incident is open")))
                    return
                }
                let unfinished = try await UnfinishedAction.find(in: journal, incident: incident.id)
                let verdicts = await IntentRechecker(client: await connection.client).recheck(
                    unfinished, recorder: JournalActionRecorder(journal: journal, context: context),
                    clock: { _ in clock.now() })
                let left = verdicts.filter { !$0.verdict.isDecisive }.map(\.action)
                inbox.post(
                    .unfinishedActions(
                        offer: Self.unfinishedOffer(left),
                        message: Self.recheckMessage(verdicts.map { ($0.action.actionID, $0.verdict) })))
            } catch {
                inbox.post(.messagePosted(StatusMessage("Re-check failed: \(error)", isError: true)))
            }
        }
    }

    /// `Result unknown: action … (scale on deployment shop/checkout) · :recheck asks the cluster · undo: firebreak
    /// runbook rollback ID (+1 more)`; nil when there are none.
    nonisolated static func unfinishedOffer(_ unfinished: [UnfinishedAction]) -> String? {
        guard let first = unfinished.first else { return nil }
        let more = unfinished.count > 1 ? " (+\(unfinished.count - 1) more)" : ""
        return "Result unknown: action \(first.actionID) (\(first.runbook) on \(first.target))\(more) · :recheck asks "
            + "the cluster · undo: firebreak runbook rollback \(first.actionID)"
    }

    /// One verdict in full (`Re-checked action …: in effect: …; recorded`), or the counts of several.
    nonisolated static func recheckMessage(_ verdicts: [(actionID: String, verdict: RecheckVerdict)]) -> StatusMessage {
        let undetermined = verdicts.filter { !$0.verdict.isDecisive }.count
        if verdicts.count == 1, let only = verdicts.first {
            let recorded = only.verdict.isDecisive ? "; recorded in the journal" : ""
            return StatusMessage(
                "Re-checked action \(only.actionID): \(only.verdict)\(recorded)", isError: undetermined > 0)
        }
        guard !verdicts.isEmpty else {
            return StatusMessage("Nothing to re-check: every request of this incident has a recorded answer")
        }
        let counts = Dictionary(grouping: verdicts, by: \.verdict.label).mapValues(\.count)
        let parts = ["in effect", "not in effect", "undetermined"].compactMap { label in
            counts[label].map { "\($0) \(label)" }
        }
        return StatusMessage(
            "Re-checked \(verdicts.count) requests: \(parts.joined(separator: ", ")) (see the Timeline pane)",
            isError: undetermined > 0)
    }

    /// Asks action `action` to stop what it can (a drain stops evicting).
    func cancel(_ action: Int) {
        cancellations.cancel(action)
    }

    /// Gives action `action` the engineer's answer.
    func answer(_ action: Int, _ answer: RunbookAnswer) {
        let answers = answers
        Task.detached { await answers.answer(action, answer) }
    }

    /// Checks, once per runbook and row, whether the server lets this user run the runbooks that fit the selected
    /// row (a plan read from the cluster and SelfSubjectAccessReviews, nothing sent that changes anything); the
    /// answers come back as `runbookAccessChecked`. A row is checked each time the cursor rests on it (so an answer
    /// is renewed by selecting the row again); checks for a row left behind are cancelled.
    func checkAccess(
        for target: RunbookTarget?, state: AppState, connection: ClusterConnection?, context: String,
        clock: ClusterClock, now: ContinuousClock.Instant = .now
    ) {
        guard let selected, selected.target == target else {
            self.selected = (target, now)
            return
        }
        guard target != checkedTarget, now - selected.since >= Self.restingTime else { return }
        checks.forEach { $0.cancel() }
        checks = []
        checkedTarget = target
        guard let target, let connection, let journal, !isReadOnly else { return }
        let parts = RunbookDriverParts(
            recorder: JournalActionRecorder(journal: journal, context: context), conversation: SilentConversation(),
            locks: locks, context: context,
            isReadOnly: isReadOnly, clock: clock)
        let inbox = inbox
        for runbook in catalog.runbooks
        where runbook.key != nil && refusal(runbook, target: target, state: state) == nil {
            let key = RunbookAccessKey(runbook: runbook.id, target: target)
            checks.append(
                Task.detached {
                    let availability = await parts.make(client: connection.client, store: connection.store)
                        .preflight(runbook, target: target)
                    guard !Task.isCancelled else { return }
                    inbox.post(.runbookAccessChecked(key, availability))
                })
        }
    }

    /// Stops the permission checks (the console is switching clusters); actions run to their end.
    func cancelChecks() {
        checks.forEach { $0.cancel() }
        checks = []
        checkedTarget = nil
        selected = nil
    }
}

/// What a driver needs besides the connection's client and store.
private struct RunbookDriverParts: Sendable {
    var recorder: any ActionRecorder
    var conversation: any RunbookConversation
    var locks: TargetLocks
    var context: String
    var isReadOnly: Bool
    var clock: ClusterClock

    func make(client: KubeClient, store: ClusterStore) -> RunbookDriver {
        let clock = clock
        return RunbookDriver(
            client: client, store: store, clock: { clock.now() }, recorder: recorder, conversation: conversation,
            locks: locks, context: context, options: RunbookExecution.Options(isReadOnly: isReadOnly))
    }
}

/// The conversation of a permission check, which asks nothing.
private struct SilentConversation: RunbookConversation {
    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer { .declined }
    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool { false }
    func report(_ progress: RunbookProgress) {}
}
