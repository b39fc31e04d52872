import Foundation
import Runbooks

@testable import TUI

/// Runbook panels at each phase, as the engine's updates leave them.
enum SamplePanels {
    static let target = RunbookTarget(
        kind: .container, namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p", container: "coredns")

    static var preparing: RunbookPanel {
        RunbookPanel(
            action: 1, runbook: SampleRunbooks.runbook("raise-memory-limit"), target: target, context: "prod-eu")
    }

    static let planned = RunbookUpdate.planned(
        subject: "deployment kube-system/coredns",
        parameters: [
            PanelParameter(name: "container", value: "coredns"), PanelParameter(name: "limit", value: "255Mi"),
            PanelParameter(name: "window", value: "2m"),
        ],
        blastRadius: [
            "pods restarted: 2 (coredns-7db6d8ff4d-x2k9p, coredns-7db6d8ff4d-z8q4m)", "nodes: 2 (node-1, node-2)",
            "a rolling update replaces the pods a few at a time",
        ],
        notes: ["QoS class Burstable kept: only the limit changes"], confirmation: .yesNo)

    static let previewed = RunbookUpdate.previewed(
        changes: ["spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 255Mi"], notes: [])

    static var reviewing: RunbookPanel {
        var panel = preparing
        panel.apply(planned)
        for (phase, milliseconds) in [("read", 14), ("plan", 1), ("access", 9), ("dry-run", 21)] {
            panel.apply(.timed(phase, .milliseconds(milliseconds)))
        }
        panel.apply(
            .line(ProgressLine(kind: "access", "allowed: patch deployments.apps coredns in kube-system", state: .done)))
        panel.apply(previewed)
        panel.phase = .reviewing
        return panel
    }

    static var confirming: RunbookPanel {
        var panel = reviewing
        panel.phase = .confirming(typed: "")
        return panel
    }

    static var running: RunbookPanel {
        var panel = confirming
        panel.phase = .running
        panel.apply(.line(ProgressLine(kind: "apply", "raise the template's memory limit…", state: .running)))
        panel.apply(.line(ProgressLine(kind: "apply", "raise the template's memory limit: HTTP 200", state: .done)))
        panel.apply(.line(ProgressLine(kind: "verify", "verifying: rollout 1 of 2 pods updated", state: .running)))
        return panel
    }

    /// Running, after the first attempt got 409 Conflict and the action was planned again (as the engine reports it).
    static var replanned: RunbookPanel {
        var panel = confirming
        panel.phase = .running
        let step = "raise the template's memory limit"
        let progress: [RunbookProgress] = [
            .applying(step: step, attempt: 1), .replanning("the object changed since it was read (409 Conflict)"),
            .timed(phase: "read", .milliseconds(3)), .timed(phase: "plan", .milliseconds(1)),
            .applying(step: step, attempt: 1), .applied(step: step, status: 200),
        ]
        for update in progress.compactMap(RunbookUpdate.init) { panel.apply(update) }
        return panel
    }

    static var refused: RunbookPanel {
        var panel = preparing
        panel.apply(planned)
        panel.phase = .finished(
            .refused,
            "forbidden: User \"viewer\" cannot patch resource \"deployments\" in API group \"apps\" in the namespace "
                + "\"kube-system\"")
        panel.actionID = "20261129T190000Z-1a2b"
        return panel
    }
}
