import Runbooks

/// What the engine reported about an action, in the panel's terms.
public enum RunbookUpdate: Hashable, Sendable {
    /// The plan: its subject, parameters, blast radius, notes and how it is confirmed.
    case planned(
        subject: String, parameters: [PanelParameter], blastRadius: [String], notes: [String],
        confirmation: ConfirmationKind)
    /// The server's dry run: the changed fields, and what it said besides.
    case previewed(changes: [String], notes: [String])
    case timed(String, Duration)
    case line(ProgressLine)
    /// What a long step is doing now, in a few lines (a drain's counts, the budget blocking it, the oldest wait);
    /// replaces the previous status.
    case status([String])

    /// The update for the engine's `progress` (nil for what the panel does not show).
    public init?(_ progress: RunbookProgress) {
        switch progress {
        case .planned(let plan):
            self = .planned(
                subject: plan.subject.description,
                parameters: plan.parameters.map { parameter in
                    let note: String? =
                        switch parameter.source {
                        case .defaultValue: nil
                        case .set: "set"
                        case .capped(let cap): "capped: \(cap)"
                        }
                    return PanelParameter(name: parameter.name, value: parameter.value, note: note)
                },
                blastRadius: plan.blastRadius.lines, notes: plan.notes, confirmation: plan.confirmation)
        case .previewed(let preview):
            var changes: [String] = []
            for (step, fields) in zip(preview.plan.steps, preview.changes) {
                changes += fields.map(\.description)
                if fields.isEmpty, step.write.method == .patch { changes.append("\(step.name): no field changes") }
            }
            self = .previewed(changes: changes, notes: preview.notes)
        case .accessChecked(let decisions):
            let allowed = decisions.map(\.attributes.description).joined(separator: "; ")
            self = .line(ProgressLine(kind: "access", "allowed: \(allowed)", state: .done))
        case .applying(let step, let attempt):
            let retry = attempt > 1 ? " (attempt \(attempt))" : ""
            self = .line(ProgressLine(kind: "apply", "\(step)\(retry)…", state: .running))
        case .applied(let step, let status):
            self = .line(ProgressLine(kind: "apply", "\(step): HTTP \(status)", state: .done))
        case .retrying(let step, let after, let reason):
            let name = step.isEmpty ? "" : "\(step): "
            self = .line(ProgressLine(kind: "apply", "\(name)\(reason); again in \(after)", state: .info))
        case .replanning(let reason):
            self = .line(ProgressLine(kind: ProgressLine.replan, "planning again: \(reason)", state: .info))
        case .verifying(let what):
            self = .line(ProgressLine(kind: "verify", "verifying: \(what)", state: .running))
        case .rollingBack(let reason):
            self = .line(ProgressLine(kind: "rollback", "rolling back: \(reason)", state: .running))
        case .timed(let phase, let duration):
            self = .timed(phase, duration)
        case .draining(let progress, let time):
            self = .status(progress.lines(at: time))
        }
    }
}
