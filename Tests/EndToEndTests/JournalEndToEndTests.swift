import Foundation
import TUI
import Testing

/// The incident journal in the real `firebreak` binary, in tmux, on the demo simulator: what is typed survives a
/// restart, and a note written by another process shows in the running console.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct JournalEndToEndTests {
    let console = ConsoleEndToEndTests()

    @Test func anIncidentNoteAndMilestoneAreInTheTimelineAfterARestart() async throws {
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent(
            "firebreak-e2e-journal-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: stateHome) }
        let arguments = ["--demo", "coredns-dns-spike", "--speed", "20"]
        guard let session = try console.start(arguments, stateHome: stateHome) else { return }
        defer { session.close() }
        let signal = await session.waitFor(timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("coredns") && $0.contains("OOMKilled") }
        }
        #expect(signal.held, "no CoreDNS OOMKilled signal:\n\(signal.screen.joined(separator: "\n"))")

        let opened = try await session.openIncident("CoreDNS OOM loop")
        #expect(opened.held, "the incident did not open:\n\(opened.screen.joined(separator: "\n"))")

        try session.press(.note)
        try session.type("cache grows past the limit under the DNS spike")
        try session.press(.detail)
        let noted = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("Note added") }
        }
        #expect(noted.held, "the note was not added:\n\(noted.screen.joined(separator: "\n"))")

        try session.press(.milestones)
        let proposed = await session.waitFor(timeout: .seconds(20)) { screen in
            screen.contains { $0.contains("impact started") && $0.contains("proposed") }
        }
        #expect(proposed.held, "no proposed impact start:\n\(proposed.screen.joined(separator: "\n"))")
        try session.press(.detail)
        let set = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("Milestone impact started set at") }
        }
        #expect(set.held, "the milestone was not set:\n\(set.screen.joined(separator: "\n"))")

        try session.press(.pane(5))
        let recorded = await session.waitFor(timeout: .seconds(10)) { screen in
            let pane = console.focusedPane(screen)
            return pane.contains { $0.contains("cache grows past the limit") }
                && pane.contains { $0.contains("◆ impact started") }
                && pane.contains { $0.contains("OOMKilled") }
        }
        #expect(recorded.held, "the Timeline pane lacks the entries:\n\(recorded.screen.joined(separator: "\n"))")

        // A note from another process shows in the running console within about a second.
        let headless = try runFirebreak([
            "incident", "note", "written by the headless command", "--state-dir", stateHome + "/firebreak",
        ])
        #expect(headless == 0)
        let clock = ContinuousClock()
        let start = clock.now
        let seen = await session.waitFor(timeout: .seconds(5)) { screen in
            console.focusedPane(screen).contains { $0.contains("written by the headless command") }
        }
        let elapsed = clock.now - start
        #expect(seen.held, "the headless note did not show:\n\(seen.screen.joined(separator: "\n"))")
        #expect(elapsed < .seconds(2), "the headless note took \(elapsed) to show")

        try session.press(.quit)
        try session.type("y")
        let ended = await session.waitFor(timeout: .seconds(10)) { _ in !session.isRunning }
        #expect(ended.held, "firebreak did not exit after quit")

        guard let again = try console.start(arguments, stateHome: stateHome) else { return }
        defer { again.close() }
        try again.press(.pane(5))
        let restored = await again.waitFor(timeout: .seconds(20)) { screen in
            let pane = console.focusedPane(screen)
            return pane.contains { $0.contains("cache grows past the limit") }
                && pane.contains { $0.contains("◆ impact started") }
                && pane.contains { $0.contains("written by the headless command") }
        }
        #expect(restored.held, "the journal was not shown after a restart:\n\(restored.screen.joined(separator: "\n"))")
        // The headless note takes the cluster's time from the recorders' stamps, so at --speed 20 it still sorts
        // after the note typed before it (the wall clock would put it minutes earlier).
        let pane = console.focusedPane(restored.screen)
        let typed = pane.firstIndex { $0.contains("cache grows past the limit") }
        let headlessRow = pane.firstIndex { $0.contains("written by the headless command") }
        #expect(typed != nil && headlessRow != nil && typed! < headlessRow!, "order:\n\(pane.joined(separator: "\n"))")
    }

    /// Runs the `firebreak` binary to the end; returns its exit status.
    private func runFirebreak(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ConsoleEndToEndTests.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
