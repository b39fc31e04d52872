import Runbooks

/// The runbook panel: one action from its parameters to its result, as the console shows it. `reduce` changes it
/// from the engine's progress and the engineer's keys; `RunbookPanelView` draws it.
public struct RunbookPanel: Hashable, Sendable {
    /// Where the action is.
    public enum Phase: Hashable, Sendable {
        /// Planning, checking permissions, dry-running.
        case preparing
        /// The dry run's diff is shown: Enter accepts the parameters, `e` edits one.
        case reviewing
        /// Asking to apply: `y`/`n`, or the object's name as typed so far.
        case confirming(typed: String)
        /// Writes and verification run.
        case running
        /// Verification failed for this reason: `y` restores the snapshot.
        case offeringRollback(String)
        /// The result: how it ended and the engine's message.
        case finished(RunbookResult.Status, String)
    }

    /// The console's number for this run (events name it).
    public var action: Int
    public var runbook: String
    public var title: String
    public var risk: RunbookRisk
    /// The file the runbook was read from, and the files it overrides (a user file over a built-in).
    public var source: String
    public var overrides: [String]
    public var target: RunbookTarget
    /// The kubeconfig context, shown with the confirmation.
    public var context: String
    /// The values the engineer set (the rest are the runbook's defaults).
    public var settings: [String: String]
    /// The object the steps change (`deployment kube-system/coredns`), once planned.
    public var subject: String?
    public var parameters: [PanelParameter] = []
    /// The dry run's diff, one line per changed field.
    public var changes: [String] = []
    public var blastRadius: [String] = []
    public var notes: [String] = []
    public var confirmation: ConfirmationKind = .yesNo
    public var progress: [ProgressLine] = []
    /// What a long step is doing now (a drain's counts); an action that reports it can be stopped with Esc.
    public var status: [String] = []
    /// How long each phase before the diff took (`read`, `plan`, `access`, `dry-run`), in the order they ran, and
    /// again for each re-plan (in its own `round`).
    public var timings: [PhaseTiming] = []
    public var phase: Phase = .preparing
    public var selectedParameter = 0
    /// The value being typed for the selected parameter.
    public var editing: String?
    /// Enter was pressed before the diff arrived: ask to apply as soon as it does.
    public var acceptsWhenReady = false
    /// The engine asked again (a 409 re-planned the action).
    public var isAskingAgain = false
    /// The recorded action's id (for `firebreak runbook rollback`), once finished.
    public var actionID: String?

    public init(
        action: Int, runbook: Runbook, target: RunbookTarget, context: String, settings: [String: String] = [:],
        overrides: [String] = []
    ) {
        self.action = action
        self.runbook = runbook.id
        self.title = runbook.title
        self.risk = runbook.risk
        self.source = runbook.source
        self.overrides = overrides
        self.target = target
        self.context = context
        self.settings = settings
    }

    /// The namespace the confirmation names (`cluster scope` for a node).
    public var namespace: String { target.namespace.isEmpty ? "cluster scope" : target.namespace }

    /// True once the action has ended.
    public var isFinished: Bool {
        if case .finished = phase { return true }
        return false
    }

    /// Applies what the engine reported.
    public mutating func apply(_ update: RunbookUpdate) {
        switch update {
        case .planned(let subject, let parameters, let blastRadius, let notes, let confirmation):
            self.subject = subject
            self.parameters = parameters
            self.blastRadius = blastRadius
            self.notes = notes
            self.confirmation = confirmation
            selectedParameter = min(selectedParameter, max(0, parameters.count - 1))
        case .previewed(let changes, let notes):
            self.changes = changes
            self.notes += notes.filter { !self.notes.contains($0) }
        case .timed(let phase, let duration):
            let timing = PhaseTiming(phase: phase, duration: duration, round: replans)
            if let index = timings.firstIndex(where: { $0.phase == phase && $0.round == timing.round }) {
                timings[index] = timing
            } else {
                timings.append(timing)
            }
        case .status(let lines):
            status = lines
        case .line(let line):
            if let last = progress.last, last.state == .running, last.kind == line.kind {
                progress[progress.count - 1] = line
            } else {
                if let last = progress.indices.last, progress[last].state == .running {
                    progress[last].state = line.kind == ProgressLine.replan ? .superseded : .done
                }
                progress.append(line)
            }
        }
    }

    /// How many times the action was planned again.
    var replans: Int { progress.count { $0.kind == ProgressLine.replan } }
}

extension AppState {
    /// True while the runbook panel shows and waits for the engine (planning, dry run, progress): the UI loop looks
    /// at its inbox more often, so the diff and progress show as soon as they arrive.
    var awaitsEngine: Bool {
        guard mode == .runbook, let phase = runbook?.phase else { return false }
        return phase == .preparing || phase == .running
    }
}
