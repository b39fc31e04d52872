import COE
import Foundation
import TestSupport
import Testing
import Timeline

/// `firebreak coe edit` (with `EDITOR` set to a small script) and `firebreak coe export`, as separate processes on a
/// temporary state directory.
@Suite("firebreak coe", .serialized)
struct COECommandTests {
    let folder: TemporaryDirectory
    let state: String

    init() throws {
        folder = try TemporaryDirectory()
        state = folder.path + "/state"
        let opened = try FirebreakProcess(["incident", "open", "DNS lookups failing", "--state-dir", state])
        #expect(opened.status == 0, "\(opened.stderr)")
    }

    /// An editor script that saves what it was shown to `seen.txt` and writes `text` as the section.
    func editor(_ name: String, writing text: String) throws -> String {
        let path = try folder.write(
            name,
            """
            #!/bin/sh
            cp "$1" "\(folder.path)/seen.txt"
            cat > "$1" <<'TEXT'
            \(text)
            TEXT

            """)
        chmod(path, 0o700)
        return path
    }

    func edit(_ section: String, editor: String) throws -> FirebreakProcess {
        try FirebreakProcess(["coe", "edit", section, "--state-dir", state], environment: ["EDITOR": editor])
    }

    @Test func editOpensTheEditorAndEachSaveSupersedesTheLastOnReExport() async throws {
        let first = try edit("whys", editor: try editor("first.sh", writing: "1. Why? Limits were low.\n# a comment"))
        #expect(first.status == 0 && first.stdout.contains("5 whys saved"), "\(first.stderr)")
        let seen = try String(contentsOfFile: folder.path + "/seen.txt", encoding: .utf8)
        #expect(seen.contains("# Why #1 from the evidence: "), "the editor was shown the prompt: \(seen)")
        let second = try edit(
            "whys", editor: try editor("second.sh", writing: "1. Why? Limits were low.\n2. Why? No owner reviews them.")
        )
        #expect(second.status == 0, "\(second.stderr)")
        let shown = try String(contentsOfFile: folder.path + "/seen.txt", encoding: .utf8)
        #expect(shown.hasPrefix("1. Why? Limits were low.\n"), "the editor opened on the saved text")

        let journal = try SQLiteJournal(directory: StateDirectory(path: state))
        let incident = try #require(try await journal.currentIncident())
        let sections = try await journal.entries(of: incident.id).filter { $0.kind == .coeSection }
        #expect(sections.count == 2 && sections.last?.target == sections.first?.id, "nothing lost, the edit supersedes")

        for _ in 0..<2 {
            let export = try FirebreakProcess(
                ["coe", "export", "--state-dir", state, "--output", folder.path + "/coe.md"])
            #expect(export.status == 0, "\(export.stderr)")
            let markdown = try String(contentsOfFile: folder.path + "/coe.md", encoding: .utf8)
            #expect(markdown.contains("1. Why? Limits were low.  \n2. Why? No owner reviews them."))
            #expect(!markdown.contains("a comment"))
        }
    }

    @Test func anEditorThatFailsOrSavesNothingChangesNothing() async throws {
        let failed = try edit("lessons", editor: "false")
        #expect(failed.status == 1)
        #expect(failed.stderr == "error: The editor 'false' exited with status 1; the section was not changed\n")
        let empty = try edit("lessons", editor: try editor("empty.sh", writing: "# only a comment"))
        #expect(empty.status == 0 && empty.stdout.contains("lessons learned unchanged"))
        let journal = try SQLiteJournal(directory: StateDirectory(path: state))
        let incident = try #require(try await journal.currentIncident())
        #expect(try await journal.entries(of: incident.id).isEmpty)
    }

    @Test(arguments: COEExport.Format.allCases)
    func exportWritesOwnerOnlyFiles(_ format: COEExport.Format) throws {
        let path = folder.path + "/out.\(format.rawValue)"
        let export = try FirebreakProcess(
            ["coe", "export", "--format", format.rawValue, "--output", path, "--state-dir", state])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "wrote \(path)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [
        (["--format", "pdf"], "--format: unknown format 'pdf' (one of: md, json, html)"),
        (["--redact", "ips,phones"], "--redact: unknown kind 'phones' (one of: ips, emails)"),
    ])
    func badOptionsAreRefusedNamingThem(_ options: [String], _ message: String) throws {
        let export = try FirebreakProcess(["coe", "export", "--state-dir", state] + options)
        #expect(export.status != 0)
        #expect(export.stderr.contains(message), "\(export.stderr)")
    }

    @Test func anUnknownSectionIsRefused() throws {
        let edit = try FirebreakProcess(
            ["coe", "edit", "epilogue", "--state-dir", state], environment: ["EDITOR": "true"])
        #expect(edit.status != 0 && edit.stderr.contains("Unknown section 'epilogue'"))
    }
}
