import Foundation
import Runbooks
import TUI
import TestSupport
import Testing
import Timeline

/// A runbook from the console: the real `firebreak` in tmux raises CoreDNS's memory limit on the embedded simulator
/// in four keys, and the OOM kills stop.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RunbookEndToEndTests {
    /// Starts the console with its own state and config folders (the action records, no user runbooks).
    func start(_ arguments: [String], folder: TemporaryDirectory) throws -> TmuxSession? {
        guard TmuxSession.executable != nil else {
            withKnownIssue("tmux is not installed; end-to-end console tests skipped (CI installs tmux)") {
                Issue.record("tmux not found on PATH")
            }
            return nil
        }
        let binary = ConsoleEndToEndTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "firebreak not built at \(binary)")
        let session = try TmuxSession(
            command: [binary] + arguments,
            environment: [
                "FIREBREAK_LOG": folder.path + "/firebreak.log", "TERM": "xterm-256color",
                "XDG_STATE_HOME": folder.path + "/state", "XDG_CONFIG_HOME": folder.path + "/config",
                "FIREBREAK_RUNBOOKS": Self.runbooks,
            ])
        session.keymap =
            Keymap.defaults.addingRunbooks(RunbookCatalog.load(directories: [Self.runbooks]).runbooks).keymap
        return session
    }

    static let runbooks = RepositoryPaths.root.appendingPathComponent("runbooks").path

    func text(_ screen: [String]) -> String { screen.joined(separator: "\n") }

    @Test func raisingCorednsMemoryLimitFromTheConsoleEndsTheOOMKills() async throws {
        let folder = try TemporaryDirectory()
        guard let session = try start(["--demo", "coredns-dns-spike", "--speed", "20"], folder: folder) else { return }
        defer { session.close() }

        // An incident to record into, then the OOM-killed CoreDNS pod, selected in the Pods pane.
        let connected = await session.waitFor(timeout: .seconds(30)) { $0.first?.contains("connected") == true }
        try #require(connected.held, "never connected:\n\(text(connected.screen))")
        let opened = try await session.openIncident("CoreDNS OOM loop")
        try #require(opened.held, "the incident did not open:\n\(text(opened.screen))")
        try session.press(.pane(3))
        try session.press(.filter)
        try session.type("coredns")
        try session.press(.detail)
        let killed = await session.waitFor(timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("Pods /coredns") }
                && screen.contains { $0.contains("coredns-") && $0.contains("OOMKilled") && $0.contains("170Mi") }
        }
        try #require(killed.held, "no OOM-killed CoreDNS pod:\n\(text(killed.screen))")
        try session.press(.help)
        let offered = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("m        Raise the memory limit") && !$0.contains("disabled") }
        }
        #expect(offered.held, "help does not offer the runbook key on a pod row:\n\(text(offered.screen))")
        try session.press(.back)
        _ = await session.waitFor(timeout: .seconds(5)) { !$0.contains { $0.contains("Show or hide this help") } }

        // Key 1 (the row is the first): the runbook key; the server's dry-run diff appears.
        let pressed = ContinuousClock.now
        try session.press(.runbook("raise-memory-limit"))
        let diff = await session.waitFor(timeout: .seconds(10), every: .milliseconds(10)) { screen in
            screen.contains { $0.contains("limits.memory: 170Mi → 255Mi") }
        }
        let keyToDiff = ContinuousClock.now - pressed
        try #require(diff.held, "no dry-run diff:\n\(text(diff.screen))")
        #expect(keyToDiff < .milliseconds(500), "keypress → dry-run diff took \(keyToDiff)")
        print("runbook e2e: keypress → dry-run diff on screen in \(keyToDiff)")
        #expect(diff.screen.contains { $0.contains("Where    context firebreak-sim · namespace kube-system") })
        #expect(diff.screen.contains { $0.contains("pods restarted: 2") })

        // Key 2: Enter accepts the parameters; the question names the context and namespace.
        try session.tmux(["send-keys", "-t", session.name, "Enter"])
        let question = await session.waitFor(timeout: .seconds(5)) { screen in
            screen.contains { $0.contains("Apply to context firebreak-sim, namespace kube-system?") }
        }
        try #require(question.held, "no confirmation:\n\(text(question.screen))")

        // Key 3: y. The rollout runs and verification passes on the simulator's clock.
        try session.type("y")
        let verified = await session.waitFor(timeout: .seconds(90)) { screen in
            screen.contains { $0.contains("✓ verified:") } || screen.contains { $0.contains("✗ ") }
        }
        #expect(
            verified.screen.contains { $0.contains("✓ verified:") },
            "verification did not pass:\n\(text(verified.screen))")
        #expect(verified.screen.contains { $0.contains("raise the template's memory limit: HTTP 200") })

        // The new pods run at 255Mi without OOM kills.
        try session.tmux(["send-keys", "-t", session.name, "Escape"])
        let calm = await session.waitFor(timeout: .seconds(20)) { screen in
            let rows = screen.map { String($0.prefix(118)) }.filter { $0.contains("kube-syst… coredns-") }
            return rows.count >= 2 && rows.allSatisfy { $0.contains("255Mi") && !$0.contains("OOMKilled") }
        }
        #expect(calm.held, "CoreDNS pods still OOM-killed or not at 255Mi:\n\(text(calm.screen))")

        // The action in the incident's Timeline: its intent before the request, the result after, the verification.
        try session.press(.pane(5))
        let recorded = await session.waitFor(timeout: .seconds(10)) { screen in
            let pane = screen.map { String($0.prefix(118)) }
            return pane.contains { $0.contains(" action ") && $0.contains("raise-memory-limit: raise the template") }
                && pane.contains { $0.contains(" result ") && $0.contains("raise-memory-limit: verification: passed") }
        }
        #expect(recorded.held, "the Timeline pane lacks the action:\n\(text(recorded.screen))")
    }

    @Test func aResultLeftUnknownIsOfferedForARecheckThatAsksTheCluster() async throws {
        let folder = try TemporaryDirectory()
        // An earlier console committed its intent to scale checkout to 5 and stopped before sending it.
        let journal = try SQLiteJournal(directory: StateDirectory(path: folder.path + "/state/firebreak"))
        var intent = ActionRecord(
            actionID: "20261129-031200-0001", sequence: 1, time: Date(), runbook: "scale",
            target: RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout"), kind: .intent)
        intent.adopt(
            ActionIntent(
                step: "set the replicas",
                write: .scale(.deployments, namespace: "shop", name: "checkout", replicas: 5, resourceVersion: "1"),
                isRollback: false))
        try await JournalActionRecorder(journal: journal, context: "firebreak-sim").record(intent)

        guard let session = try start(["--demo", "coredns-dns-spike", "--speed", "20"], folder: folder) else { return }
        defer { session.close() }
        let offered = await session.waitFor(timeout: .seconds(30)) { screen in
            screen.contains {
                $0.contains(
                    "Result unknown: action 20261129-031200-0001 (scale on deployment shop/checkout) · :recheck")
            }
        }
        try #require(offered.held, "no offer to re-check:\n\(text(offered.screen))")
        try session.press(.command)
        try session.type("recheck")
        try session.tmux(["send-keys", "-t", session.name, "Enter"])
        let found = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains {
                $0.contains(
                    "Re-checked action 20261129-031200-0001: not in effect: sending it now would still change "
                        + "spec.replicas: 2 → 5")
            }
        }
        try #require(found.held, "no re-check verdict:\n\(text(found.screen))")
        // The verdict is the request's result in the journal: the Timeline pane shows it and the offer is gone.
        try session.press(.pane(5))
        let recorded = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains(" result ") && $0.contains("scale: set the replicas: re-checked: not in") }
                && !screen.contains { $0.contains(":recheck asks the cluster") }
        }
        #expect(recorded.held, "the Timeline pane lacks the verdict:\n\(text(recorded.screen))")
    }

    @Test func aReadOnlyConsoleRefusesTheKeyBeforeAnythingIsAsked() async throws {
        let folder = try TemporaryDirectory()
        guard let session = try start(["--demo", "coredns-dns-spike", "--speed", "20", "--read-only"], folder: folder)
        else { return }
        defer { session.close() }
        try session.press(.pane(3))
        let rows = await session.waitFor(timeout: .seconds(30)) { screen in
            screen.contains { $0.contains("coredns-") && $0.contains("kube-syst") }
        }
        try #require(rows.held, "no pods:\n\(text(rows.screen))")
        try session.press(.runbook("raise-memory-limit"))
        let refused = await session.waitFor(timeout: .seconds(5)) { screen in
            screen.contains { $0.hasPrefix("Key 'm' is disabled: console is read-only") }
        }
        #expect(refused.held, "no read-only refusal in the footer:\n\(text(refused.screen))")
        #expect(!refused.screen.contains { $0.contains("Dry-run diff") }, "the panel opened on a read-only console")
    }

    @Test func theConsoleSaysWhichRunbookFileWinsOverABuiltIn() async throws {
        let folder = try TemporaryDirectory()
        let builtIn = try String(contentsOfFile: Self.runbooks + "/raise-memory-limit.yaml", encoding: .utf8)
        let user = try folder.write(
            "config/firebreak/runbooks/raise-memory-limit.yaml",
            builtIn.replacingOccurrences(of: "title: Raise the memory limit", with: "title: Raise memory (team copy)"))
        guard let session = try start(["--demo", "coredns-dns-spike", "--speed", "20"], folder: folder) else { return }
        defer { session.close() }
        let said = await session.waitFor(timeout: .seconds(20)) { screen in
            screen.contains { $0.contains("Runbook raise-memory-limit from \(user) (overrides ") }
        }
        #expect(said.held, "the console did not say which file won:\n\(text(said.screen))")
        try session.press(.help)
        let help = await session.waitFor(timeout: .seconds(5)) { screen in
            screen.contains { $0.contains("Raise memory (team copy)") }
        }
        #expect(help.held, "help does not list the user's runbook:\n\(text(help.screen))")
    }
}
