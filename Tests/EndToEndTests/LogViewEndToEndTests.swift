import Foundation
import TUI
import Testing

/// The log view in the real `firebreak` binary, in tmux, on the demo simulator.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct LogViewEndToEndTests {
    let console = ConsoleEndToEndTests()

    @Test func thePreviousLogOfAnOOMKilledCoreDNSContainerEndsWithItsCacheAtTheLimit() async throws {
        guard let session = try console.start(["--demo", "coredns-dns-spike", "--speed", "20"]) else { return }
        defer { session.close() }
        try session.press(.pane(4))
        let restarted = await session.waitFor(timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("coredns") && $0.contains("OOMKilled") }
        }
        #expect(restarted.held, "no CoreDNS restart listed:\n\(restarted.screen.joined(separator: "\n"))")
        try session.press(.filter)
        try session.type("coredns")
        try session.press(.detail)

        try session.press(.openLog)
        let current = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("Log kube-system/coredns-") && $0.contains("· coredns") }
                && screen.contains { $0.contains(" lines · ") }
        }
        #expect(current.held, "the log did not open:\n\(current.screen.joined(separator: "\n"))")

        try session.press(.previousLog)
        let previous = await session.waitFor(timeout: .seconds(10)) { screen in
            screen.contains { $0.contains("previous run (OOMKilled, exit 137)") }
                && screen.contains { $0.contains("end of log") }
        }
        #expect(previous.held, "no previous run:\n\(previous.screen.joined(separator: "\n"))")
        let bottom = try #require(previous.screen.firstIndex { $0.contains("end of log") })
        let last = previous.screen[bottom - 1]
        #expect(
            last.contains("[WARNING] plugin/cache: resident") && last.contains("of 170Mi limit"),
            "the last line before the kill:\n\(previous.screen.joined(separator: "\n"))")

        try session.press(.search)
        try session.type("of 170Mi limit")
        try session.press(.detail)
        let found = await session.waitFor(timeout: .seconds(5)) { screen in
            screen.contains { line in
                guard let range = line.range(of: "/of 170Mi limit: ") else { return false }
                let counts = line[range.upperBound...].split(separator: " ")
                return counts.count >= 3 && counts[0] == counts[2]
            }
        }
        #expect(found.held, "the search did not land on the last match:\n\(found.screen.joined(separator: "\n"))")

        try session.press(.back)
        let back = await session.waitFor(timeout: .seconds(5)) { screen in
            screen.contains { $0.contains("Restarts /coredns") }
        }
        #expect(back.held, "Esc did not return to the Restarts pane:\n\(back.screen.joined(separator: "\n"))")
        try session.press(.quit)
        try session.type("y")
        let ended = await session.waitFor(timeout: .seconds(10)) { _ in !session.isRunning }
        #expect(ended.held, "firebreak did not exit after quit")
    }
}
