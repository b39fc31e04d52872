import Foundation
import Testing

@testable import Timeline

/// `firebreak incident …` run as a separate process on a temporary state directory.
@Suite("firebreak incident", .serialized)
struct IncidentCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func firebreak(_ arguments: [String], stateDir: String) throws -> Run {
        let out = Pipe()
        let err = Pipe()
        let status = try runFirebreak(arguments + ["--state-dir", stateDir], stdout: out, stderr: err)
        return Run(
            status: status, stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func openNoteMilestoneItemShowAndCloseActOnTheCurrentIncident() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-cli-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let opened = try firebreak(
            ["incident", "open", "DNS lookups failing", "--context", "kind-demo"], stateDir: path)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("on kind-demo: DNS lookups failing (now current)"))
        #expect(try firebreak(["incident", "note", "restarted coredns"], stateDir: path).status == 0)
        #expect(
            try firebreak(["incident", "milestone", "impact-started", "--at", "2026-11-29T10:00:00Z"], stateDir: path)
                .status == 0)
        let crossing = try firebreak(
            ["incident", "milestone", "detected", "--at", "2026-11-29T09:59:00Z"], stateDir: path)
        #expect(crossing.status == 1)
        #expect(
            crossing.stderr.contains("would come before impact started at 2026-11-29T10:00:00Z"), "\(crossing.stderr)")
        let item = try firebreak(
            [
                "incident", "item", "alert on coredns memory", "--owner", "platform on-call", "--due", "2026-12-13",
                "--priority", "p1",
            ], stateDir: path)
        #expect(item.status == 0, "\(item.stderr)")
        let shown = try firebreak(["incident", "show"], stateDir: path)
        #expect(shown.status == 0)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(": DNS lookups failing") == true)
        #expect(lines.contains("2026-11-29T10:00:00Z  ◆ IMPACT STARTED"), "\(shown.stdout)")
        #expect(lines.contains { $0.hasSuffix("note  restarted coredns") }, "\(shown.stdout)")
        #expect(
            lines.contains {
                $0.hasSuffix("[prevent] alert on coredns memory (P1, owner platform on-call, due 2026-12-13)")
            },
            "\(shown.stdout)")
        #expect(try firebreak(["incident", "close"], stateDir: path).status == 0)
        let afterClose = try firebreak(["incident", "note", "late"], stateDir: path)
        #expect(afterClose.status == 1)
        #expect(afterClose.stderr.contains("No current incident"), "\(afterClose.stderr)")
    }

    @Test func incidentIDPrefixesSelectAnIncidentOtherThanTheCurrentOne() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-cli-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try firebreak(["incident", "open", "first", "--context", "a"], stateDir: path)
        _ = try firebreak(["incident", "open", "second", "--context", "b"], stateDir: path)
        let journal = try SQLiteJournal(directory: StateDirectory(path: path))
        let first = try #require(try await journal.incidents().first)
        #expect(try await journal.currentIncident()?.title == "second")
        let noted = try firebreak(["incident", "note", "for the first", "--incident", first.shortID], stateDir: path)
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(try await journal.entries(of: first.id).map(\.summary) == ["for the first"])
        let listed = try firebreak(["incident", "list"], stateDir: path)
        #expect(listed.stdout.split(separator: "\n").filter { $0.hasPrefix("*") }.count == 1)
        #expect(listed.stdout.contains("* ") && listed.stdout.contains("second"))
        let unknown = try firebreak(["incident", "show", "--incident", "zzzz"], stateDir: path)
        #expect(unknown.status == 1 && unknown.stderr.contains("No incident 'zzzz'"))
    }
}
