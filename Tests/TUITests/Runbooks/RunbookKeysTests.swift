import ClusterModel
import Logging
import Runbooks
import Testing

@testable import TUI

/// Runbook keys come from the runbook files and are offered only where they fit.
@Suite struct RunbookKeysTests {
    @Test(arguments: [
        ("m", "raise-memory-limit"), ("p", "raise-cpu-limit"), ("R", "resize-pod-memory"), ("r", "rollout-restart"),
        ("x", "delete-pod"), ("S", "scale"), ("P", "suspend-cronjob"),
    ])
    func everyBuiltInRunbookKeyIsBound(key: Character, id: String) {
        #expect(SampleRunbooks.keymap.resolve(.character(key), in: .table) == .action(.runbook(id)))
        #expect(SampleRunbooks.keymap.resolve(.character(key), in: .detail) == .action(.runbook(id)))
    }

    @Test func aUsersRunbookGetsItsKeyAndHelpLineWithoutCode() {
        let custom = Runbook(
            id: "restart-ingress", title: "Restart the ingress", risk: .reversible, targets: [.deployment], key: "i",
            steps: [])
        let (keymap, skipped) = Keymap.defaults.addingRunbooks([custom])
        #expect(skipped.isEmpty)
        #expect(keymap.resolve(.character("i"), in: .table) == .action(.runbook("restart-ingress")))
        #expect(
            keymap.helpLines(for: .table, width: 76).contains {
                $0.text.contains("i") && $0.text.contains("Restart the ingress")
            })
    }

    @Test func aRunbookKeyThatAConsoleKeyHasIsLeftOutWithTheReason() {
        let clash = Runbook(id: "quit-it", title: "Quit", risk: .reversible, targets: [.pod], key: "q", steps: [])
        let (keymap, skipped) = Keymap.defaults.addingRunbooks([clash])
        #expect(skipped == ["runbook 'quit-it': key 'q' is already 'quit'"])
        #expect(keymap.resolve(.character("q"), in: .table) == .action(.quit))
    }

    @Test func keysThatDoNotFitTheRowAreDisabledWithTheReasonAndLeaveTheFooter() {
        let keymap = SampleRunbooks.keymap.disablingRunbooks(["raise-memory-limit": "not for node rows"])
        #expect(
            keymap.resolve(.character("m"), in: .table)
                == .disabled(.runbook("raise-memory-limit"), reason: "not for node rows"))
        #expect(!keymap.footerHints(for: .table, width: 500).contains { $0.label == "raise-memory-limit" })
        #expect(
            SampleRunbooks.keymap.footerHints(for: .table, width: 500).contains { $0.label == "raise-memory-limit" })
    }

    @Test func runbookActionsHaveNamesForTheKeyFile() throws {
        #expect(Action(name: "runbook:scale") == .runbook("scale"))
        #expect(Action.runbook("scale").name == "runbook:scale")
        let keymap = try KeymapLoader.apply("runbook:scale: K\n", path: "keys.yaml", to: SampleRunbooks.keymap)
        #expect(keymap.resolve(.character("K"), in: .table) == .action(.runbook("scale")))
    }

    @Test(arguments: [
        (
            ObservationSubject(kind: "Pod", namespace: "kube-system", name: "coredns-1", container: "coredns"),
            RunbookTarget(kind: .container, namespace: "kube-system", name: "coredns-1", container: "coredns")
        ),
        (
            ObservationSubject(kind: "Pod", namespace: "shop", name: "web-1"),
            RunbookTarget(kind: .pod, namespace: "shop", name: "web-1")
        ),
        (ObservationSubject(kind: "Node", name: "node-3"), RunbookTarget(kind: .node, namespace: "", name: "node-3")),
        (
            ObservationSubject(kind: "CronJob", namespace: "batch", name: "report"),
            RunbookTarget(kind: .cronjob, namespace: "batch", name: "report")
        ),
    ])
    func signalRowsLeadToTheObjectTheyAreAbout(subject: ObservationSubject, target: RunbookTarget) {
        #expect(ClusterConsole.runbookTarget(subject) == target)
    }

    @Test func aSignalAboutAServiceHasNoRunbookTarget() {
        #expect(
            ClusterConsole.runbookTarget(ObservationSubject(kind: "Service", namespace: "shop", name: "web")) == nil)
    }

    @MainActor @Test func theReasonsNameTheRowKindTheReadOnlyConsoleAndTheServersRefusal() {
        let runner = RunbookRunner(
            catalog: SampleRunbooks.catalog, journal: nil, isReadOnly: false,
            inbox: EventInbox(), logger: Logger(label: "test"))
        var state = AppState.sample(size: Size(width: 80, height: 24))
        let node = RunbookTarget(kind: .node, namespace: "", name: "node-3")
        let reasons = runner.disabledReasons(for: node, state: state)
        #expect(reasons["raise-memory-limit"]?.hasSuffix("rows, not node rows") == true)
        #expect(reasons["raise-memory-limit"]?.hasPrefix("raise-memory-limit applies to pod, container") == true)
        #expect(runner.disabledReasons(for: nil, state: state)["scale"] == "no object on this row for a runbook")

        let pod = SamplePanels.target
        #expect(runner.disabledReasons(for: pod, state: state)["raise-memory-limit"] == nil)
        state.runbookAccess[RunbookAccessKey(runbook: "raise-memory-limit", target: pod)] = .unavailable(
            "forbidden: patch deployments")
        #expect(runner.disabledReasons(for: pod, state: state)["raise-memory-limit"] == "forbidden: patch deployments")
        #expect(
            runner.request(
                "raise-memory-limit", target: pod, state: state, connection: nil, context: "c", clock: ClusterClock())
                == [.runbookRefused("Runbook 'raise-memory-limit' cannot run here: forbidden: patch deployments")])

        let readOnly = RunbookRunner(
            catalog: SampleRunbooks.catalog, journal: nil, isReadOnly: true,
            inbox: EventInbox(), logger: Logger(label: "test"))
        #expect(readOnly.disabledReasons(for: pod, state: state)["delete-pod"] == "console is read-only")
    }

    @Test func theEnginesProgressBecomesPanelLines() {
        #expect(
            RunbookUpdate(.applying(step: "raise", attempt: 2))
                == .line(ProgressLine(kind: "apply", "raise (attempt 2)…", state: .running)))
        #expect(
            RunbookUpdate(.applied(step: "raise", status: 200))
                == .line(ProgressLine(kind: "apply", "raise: HTTP 200", state: .done)))
        #expect(RunbookUpdate(.timed(phase: "dry-run", .milliseconds(12))) == .timed("dry-run", .milliseconds(12)))
        var panel = SamplePanels.preparing
        panel.apply(.line(ProgressLine(kind: "verify", "verifying: rollout 0 of 2", state: .running)))
        panel.apply(.line(ProgressLine(kind: "verify", "verifying: rollout 1 of 2", state: .running)))
        #expect(panel.progress == [ProgressLine(kind: "verify", "verifying: rollout 1 of 2", state: .running)])
        panel.apply(.line(ProgressLine(kind: "apply", "cordon the node…", state: .running)))
        panel.apply(.line(ProgressLine(kind: "apply", "cordon the node: HTTP 200", state: .done)))
        #expect(
            panel.progress == [
                ProgressLine(kind: "verify", "verifying: rollout 1 of 2", state: .done),
                ProgressLine(kind: "apply", "cordon the node: HTTP 200", state: .done),
            ], "an applied step replaces its 'applying' line")
    }

    @Test func anAttemptAnswered409IsSupersededNotDoneAndTheReplansTimingsAreItsOwnRound() {
        let panel = SamplePanels.replanned
        let step = "raise the template's memory limit"
        #expect(
            panel.progress.map(\.state) == [.done, .superseded, .info, .done],
            "access checked, the attempt the 409 answered, planning again, the attempt after it")
        #expect(panel.progress[1].text == "\(step)…" && panel.progress[3].text == "\(step): HTTP 200")
        #expect(
            panel.timings.map { "\($0.round) \($0.phase)" } == [
                "0 read", "0 plan", "0 access", "0 dry-run", "1 read", "1 plan",
            ])
    }

    @Test func theProgressReadsInTheOrderThingsHappened() {
        let lines = RunbookPanelView(panel: SamplePanels.replanned).sections(width: 120).last {
            $0.heading == "Progress"
        }
        #expect(
            lines?.lines.map(\.text) == [
                "✓ read 14 ms · plan 1 ms · access 9 ms · dry-run 21 ms",
                "✓ allowed: patch deployments.apps coredns in kube-system",
                "↻ raise the template's memory limit: not applied",
                "· planning again: the object changed since it was read (409 Conflict)",
                "✓ re-planned: read 3 ms · plan 1 ms",
                "✓ raise the template's memory limit: HTTP 200",
            ])
    }
}
