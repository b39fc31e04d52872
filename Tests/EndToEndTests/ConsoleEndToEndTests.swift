import Foundation
import TUI
import Testing

/// The real `firebreak` binary in a real terminal (tmux), on the embedded simulator.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ConsoleEndToEndTests {
    /// The `firebreak` binary built beside this test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["FIREBREAK_BIN"] { return path }
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map {
            $0.appendingPathComponent("firebreak").path
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Starts the console in tmux, or records why it cannot (tmux missing) and returns nil.
    /// Runs `firebreak` with `arguments` in tmux; its journal in `stateHome` (a new directory when nil), so no test
    /// touches the user's.
    func start(_ arguments: [String], stateHome: String? = nil) throws -> TmuxSession? {
        guard TmuxSession.executable != nil else {
            withKnownIssue("tmux is not installed; end-to-end console tests skipped (CI installs tmux)") {
                Issue.record("tmux not found on PATH")
            }
            return nil
        }
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "firebreak not built at \(Self.binary)")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "firebreak-e2e-\(UUID().uuidString)")
        let log = scratch.path + ".log"
        return try TmuxSession(
            command: [Self.binary] + arguments,
            environment: [
                "FIREBREAK_LOG": log, "TERM": "xterm-256color", "XDG_STATE_HOME": stateHome ?? scratch.path + "-state",
            ])
    }

    /// The focused (left) pane's part of each line in the 200-column side-by-side layout.
    func focusedPane(_ screen: [String]) -> [String] {
        screen.map { String($0.prefix(118)) }
    }

    @Test func corednsOOMKillShowsInTheSignalsPane() async throws {
        guard let session = try start(["--demo", "coredns-dns-spike", "--speed", "20"]) else { return }
        defer { session.close() }
        let signal = await session.waitFor(timeout: .seconds(45)) { screen in
            focusedPane(screen).contains { $0.contains("coredns") && $0.contains("OOMKilled") }
        }
        #expect(signal.held, "no CoreDNS OOMKilled signal within 45 s:\n\(signal.screen.joined(separator: "\n"))")
        #expect(signal.screen.first?.contains("connected") == true)

        try session.press(.pane(3))
        try session.press(.filter)
        try session.type("coredns")
        try session.press(.detail)
        let pods = await session.waitFor(timeout: .seconds(10)) { screen in
            focusedPane(screen).contains { $0.contains("Pods /coredns") }
                && focusedPane(screen).contains { $0.contains("OOMKilled") }
        }
        #expect(pods.held, "Pods pane did not show OOMKilled CoreDNS pods:\n\(pods.screen.joined(separator: "\n"))")

        try session.press(.quit)
        try session.type("y")
        let ended = await session.waitFor(timeout: .seconds(10)) { _ in !session.isRunning }
        #expect(ended.held, "firebreak did not exit after quit")
    }

    @Test func apiServerOutageShowsStaleThenRecovers() async throws {
        guard let session = try start(["--demo", "apiserver-outage", "--speed", "20"]) else { return }
        defer { session.close() }
        let connected = await session.waitFor(timeout: .seconds(20)) { $0.first?.contains("connected") == true }
        #expect(connected.held, "never connected:\n\(connected.screen.joined(separator: "\n"))")
        let stale = await session.waitFor(timeout: .seconds(30)) { $0.first?.contains("stale for") == true }
        #expect(stale.held, "no stale marker during the outage:\n\(stale.screen.joined(separator: "\n"))")
        let recovered = await session.waitFor(timeout: .seconds(60)) { screen in
            screen.first.map { $0.contains("connected") && !$0.contains("stale") } == true
        }
        #expect(recovered.held, "did not recover after the outage:\n\(recovered.screen.joined(separator: "\n"))")
    }
}
