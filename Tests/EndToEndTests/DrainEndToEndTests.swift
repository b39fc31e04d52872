import Foundation
import Runbooks
import TUI
import TestSupport
import Testing

/// A node runbook from the console: the real `firebreak` in tmux drains the node whose kubelet leaks memory in the
/// `kubelet-memory-leak` story, typing the node's name to confirm, and shows the drain's progress.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DrainEndToEndTests {
    let runbooks = RunbookEndToEndTests()

    func text(_ screen: [String]) -> String { screen.joined(separator: "\n") }

    @Test func drainingTheLeakingNodeShowsProgressAndEvictsItsPods() async throws {
        let folder = try TemporaryDirectory()
        guard let session = try runbooks.start(["--demo", "kubelet-memory-leak", "--speed", "20"], folder: folder)
        else { return }
        defer { session.close() }
        let connected = await session.waitFor(timeout: .seconds(30)) { $0.first?.contains("connected") == true }
        try #require(connected.held, "never connected:\n\(text(connected.screen))")
        let opened = try await session.openIncident("node-3 kubelet leak")
        try #require(opened.held, "the incident did not open:\n\(text(opened.screen))")

        // The Nodes pane, filtered to the leaking node, once it reports memory pressure.
        try session.press(.pane(2))
        try session.press(.filter)
        try session.type("node-3")
        try session.press(.detail)
        let pressure = await session.waitFor(timeout: .seconds(90)) { screen in
            screen.contains { $0.contains("Nodes /node-3") }
                && screen.contains { $0.contains("node-3") && $0.contains("Mem") && $0.contains("Ready") }
        }
        try #require(pressure.held, "node-3 never showed memory pressure:\n\(text(pressure.screen))")

        // d, Enter on the parameters, then the node's name: a disruptive runbook is confirmed by typing it.
        try session.press(.runbook("drain"))
        let planned = await session.waitFor(timeout: .seconds(15)) { screen in
            screen.contains { $0.contains("Enter accept parameters") }
        }
        try #require(planned.held, "the drain was not planned:\n\(text(planned.screen))")
        try session.tmux(["send-keys", "-t", session.name, "Enter"])
        let question = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("Type 'node-3' then Enter to apply in context firebreak-sim") }
        }
        try #require(question.held, "no typed confirmation:\n\(text(question.screen))")
        try session.type("node-3")
        try session.tmux(["send-keys", "-t", session.name, "Enter"])

        // Progress while the evictions go through (the counts line), then the result.
        let progress = await session.waitFor(timeout: .seconds(30), every: .milliseconds(50)) { screen in
            screen.contains { $0.contains("· evicted ") && $0.contains("terminating") && $0.contains("waiting") }
        }
        #expect(progress.held, "no drain progress:\n\(text(progress.screen))")
        let done = await session.waitFor(timeout: .seconds(90)) { screen in
            screen.contains { $0.contains("applied: drained: evicted") && $0.contains("from node node-3") }
        }
        let log = (try? String(contentsOfFile: folder.path + "/firebreak.log", encoding: .utf8)) ?? ""
        #expect(done.held, "the drain did not finish:\n\(text(done.screen))\n\(log.suffix(3000))")

        // The node is cordoned (SchedulingDisabled) and the action is in the incident's Timeline.
        try session.tmux(["send-keys", "-t", session.name, "Escape"])
        let cordoned = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("node-3") && $0.contains("SchedulingDisabled") }
        }
        #expect(cordoned.held, "node-3 is not shown cordoned:\n\(text(cordoned.screen))")
        try session.press(.pane(5))
        let recorded = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains(" action ") && $0.contains("drain") }
        }
        #expect(recorded.held, "the Timeline pane lacks the drain:\n\(text(recorded.screen))")
    }
}
