import Foundation
import TUI
import Testing

/// `E` in the real console, in tmux, on the demo simulator: the current incident's COE is written beside where the
/// console was started, owner-only, with the timeline it recorded.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct COEExportEndToEndTests {
    @Test func capitalEWritesTheIncidentsCOEIntoTheWorkingDirectory() async throws {
        guard TmuxSession.executable != nil else {
            withKnownIssue("tmux is not installed; end-to-end console tests skipped (CI installs tmux)") {
                Issue.record("tmux not found on PATH")
            }
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "firebreak-e2e-coe-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let binary = ConsoleEndToEndTests.binary
        let session = try TmuxSession(
            command: [
                "/bin/sh", "-c",
                "cd '\(folder)' && exec '\(binary)' --demo coredns-dns-spike --speed 20",
            ],
            environment: [
                "FIREBREAK_LOG": folder + "/log", "TERM": "xterm-256color", "XDG_STATE_HOME": folder + "/state",
            ])
        defer { session.close() }
        let signal = await session.waitFor(timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("coredns") && $0.contains("OOMKilled") }
        }
        #expect(signal.held, "no CoreDNS OOMKilled signal:\n\(signal.screen.joined(separator: "\n"))")
        let opened = try await session.openIncident("CoreDNS OOM loop")
        #expect(opened.held, "the incident did not open:\n\(opened.screen.joined(separator: "\n"))")
        // Let the recording write what is showing before exporting it.
        try await Task.sleep(for: .seconds(3))
        try session.press(.exportCOE)
        let written = await session.waitFor(timeout: .seconds(15)) { screen in
            screen.contains { $0.contains("COE written to \(folder)/coe-") }
        }
        #expect(written.held, "no COE written:\n\(written.screen.joined(separator: "\n"))")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let markdown = try #require(files.first { $0.hasPrefix("coe-") && $0.hasSuffix(".md") })
        let path = folder + "/" + markdown
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# COE (draft): CoreDNS OOM loop\n"))
        #expect(text.contains("## 3. Timeline") && text.contains("OOMKilled"))
    }
}
