import ClusterModel
import Foundation
import Runbooks

/// Writes a runbook action's progress as text lines or JSON lines on stdout (prompts and errors on stderr).
struct RunbookOutput: Sendable {
    let json: Bool

    func planned(_ plan: RunbookPlan) {
        if json {
            emit([
                "event": "plan", "runbook": .string(plan.runbook), "target": .string(plan.target.description),
                "subject": .string(plan.subject.description), "risk": .string(plan.risk.rawValue),
                "parameters": .array(plan.parameters.map { .string($0.description) }),
                "steps": .array(
                    plan.steps.map { step in
                        [
                            "name": .string(step.name), "method": .string(step.write.method.rawValue),
                            "path": .string(step.write.path(dryRun: false)), "body": step.write.body ?? .null,
                            "expected": .array(step.expected.map { .string($0) }),
                        ]
                    }),
                "notes": .array(plan.notes.map { .string($0) }),
                "rollback": .string(rollbackText(plan)),
            ])
            return
        }
        line("\(plan.runbook) on \(plan.target): changes \(plan.subject) (\(plan.risk.rawValue))")
        line("parameters: " + plan.parameters.map(\.description).joined(separator: ", "))
        for (index, step) in plan.steps.enumerated() {
            line("step \(index + 1): \(step.name): \(step.write.method.rawValue) \(step.write.path(dryRun: false))")
            for expected in step.expected { line("  \(expected)") }
        }
        for note in plan.notes { line("note: \(note)") }
        line("rollback: \(rollbackText(plan))")
    }

    private func rollbackText(_ plan: RunbookPlan) -> String {
        plan.rollback.isEmpty
            ? "none (\(plan.rollbackUnavailable ?? "no rollback"))"
            : "restores the snapshot (\(plan.rollback.map(\.summary).joined(separator: "; ")))"
    }

    func access(_ decisions: [AccessDecision]) {
        if json {
            emit([
                "event": "access",
                "checks": .array(
                    decisions.map { ["check": .string($0.attributes.description), "allowed": .bool($0.allowed)] }),
            ])
            return
        }
        for decision in decisions {
            line("access: \(decision.attributes): \(decision.allowed ? "allowed" : "DENIED")")
        }
    }

    func preview(_ preview: RunbookPreview) {
        let changes = preview.changes.flatMap { $0.map(\.description) }
        if json {
            emit([
                "event": "preview", "changes": .array(changes.map { .string($0) }),
                "blastRadius": .array(preview.plan.blastRadius.lines.map { .string($0) }),
                "notes": .array(preview.notes.map { .string($0) }),
            ])
            return
        }
        line("dry run (server):" + (changes.isEmpty ? " no field changes" : ""))
        for change in changes { line("  \(change)") }
        for note in preview.notes { line("  \(note)") }
        line("blast radius:")
        for fact in preview.plan.blastRadius.lines { line("  \(fact)") }
    }

    func progress(_ event: String, _ text: String) {
        if json {
            emit(["event": .string(event), "message": .string(text)])
        } else {
            line("\(event): \(text)")
        }
    }

    func timing(_ phase: String, _ duration: Duration) {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if json {
            emit([
                "event": "timing", "phase": .string(phase), "milliseconds": .double((milliseconds * 10).rounded() / 10),
            ])
        } else {
            line("timing: \(phase) \(String(format: "%.1f", milliseconds)) ms")
        }
    }

    func result(_ run: RunbookDriver.Run) {
        let result = run.result
        if json {
            var fields: [String: JSONValue] = [
                "event": "result", "status": .string(result.status.rawValue), "message": .string(result.message),
            ]
            if let id = run.actionID { fields["actionID"] = .string(id) }
            emit(.object(fields))
            return
        }
        line("\(result.status.rawValue): \(result.message)")
        guard let id = run.actionID,
            [.applied, .verified, .verificationFailed, .failed, .cancelled].contains(result.status)
        else { return }
        let undoable = result.preview.map { !$0.plan.rollback.isEmpty } ?? false
        line("action \(id)" + (undoable ? " (undo: firebreak runbook rollback \(id))" : ""))
    }

    /// A drain's progress: counts, the budgets blocking it, the oldest wait.
    func drain(_ progress: DrainProgress, at time: Date) {
        let lines = progress.lines(at: time)
        if json {
            let counts = progress.counts
            emit([
                "event": "drain", "node": .string(progress.node), "evicted": .int(Int64(counts.evicted)),
                "terminating": .int(Int64(counts.terminating)), "waiting": .int(Int64(counts.waiting)),
                "blocked": .object(counts.blocked.mapValues { .int(Int64($0)) }),
                "failed": .int(Int64(counts.failed)), "lines": .array(lines.map { .string($0) }),
            ])
            return
        }
        for text in lines { line("drain: \(text)") }
    }

    func fail(_ message: String) {
        if json { emit(["event": "error", "message": .string(message)]) }
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    func prompt(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func emit(_ value: JSONValue) { line(value.serialized()) }

    private func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// The engineer at a terminal: progress on stdout, questions on stderr, answers from stdin (`--yes` answers yes),
/// Ctrl-C to cancel.
struct TerminalConversation: RunbookConversation {
    let output: RunbookOutput
    let assumeYes: Bool
    var interrupt = InterruptFlag()
    private let drainLines = DrainLines()

    var isCancelled: Bool { interrupt.isSet }

    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer {
        let plan = preview.plan
        let place =
            "context \(context)" + (plan.subject.namespace.isEmpty ? "" : ", namespace \(plan.subject.namespace)")
        switch plan.confirmation {
        case .none:
            return .accepted(typed: nil)
        case .yesNo:
            if assumeYes { return .accepted(typed: nil) }
            output.prompt("Apply \(plan.runbook) to \(plan.subject) in \(place)? [y/N] ")
            let answer = await Self.readAnswer()?.lowercased()
            return answer == "y" || answer == "yes" ? .accepted(typed: nil) : .declined
        case .typeName(let name):
            if assumeYes { return .accepted(typed: name) }
            output.prompt("\(plan.runbook) is disruptive. Type the name of \(plan.subject) (\(place)) to confirm: ")
            guard let typed = await Self.readAnswer() else { return .declined }
            return .accepted(typed: typed)
        }
    }

    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool {
        if assumeYes { return true }
        output.prompt("\(reason)\nRestore the snapshot (\(writes.map(\.summary).joined(separator: "; ")))? [y/N] ")
        let answer = await Self.readAnswer()?.lowercased()
        return answer == "y" || answer == "yes"
    }

    func report(_ progress: RunbookProgress) {
        switch progress {
        case .planned(let plan): output.planned(plan)
        case .accessChecked(let decisions): output.access(decisions)
        case .previewed(let preview): output.preview(preview)
        case .applying(let step, let attempt):
            output.progress("applying", step + (attempt > 1 ? " (attempt \(attempt))" : ""))
        case .applied(let step, let status): output.progress("applied", "\(step) (HTTP \(status))")
        case .retrying(_, let delay, let reason): output.progress("retrying", "\(reason); again in \(delay)")
        case .replanning(let reason): output.progress("replanning", reason)
        case .verifying(let text): output.progress("verifying", text)
        case .rollingBack(let reason): output.progress("rolling back", reason)
        case .timed(let phase, let duration): output.timing(phase, duration)
        case .draining(let progress, let time):
            if drainLines.shouldPrint(progress, at: time) { output.drain(progress, at: time) }
        }
    }

    /// One line from stdin, off the cooperative pool; nil at end of input.
    private static func readAnswer() async -> String? {
        await Task.detached { readLine()?.trimmingCharacters(in: .whitespaces) }.value
    }
}

/// When to print a drain's progress: when its counts change, and every 5 s of cluster time while they do not.
final class DrainLines: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (counts: DrainProgress.Counts, time: Date)?

    func shouldPrint(_ progress: DrainProgress, at time: Date) -> Bool {
        lock.withLock {
            let counts = progress.counts
            if let last, last.counts == counts, time.timeIntervalSince(last.time) < 5 { return false }
            last = (counts, time)
            return true
        }
    }
}
