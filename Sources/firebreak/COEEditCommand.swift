import ArgumentParser
import COE
import Foundation
import Timeline

/// `firebreak coe edit SECTION`: opens `$VISUAL` or `$EDITOR` on one engineer-written section, as `git commit` does,
/// and keeps the saved text in the journal (superseding the previous text, which stays in the journal).
struct COEEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Write a COE section in $EDITOR: "
            + COESection.allCases.map(\.rawValue).joined(separator: ", ") + ".")

    @Argument(help: "The section: \(COESection.allCases.map(\.rawValue).joined(separator: ", ")).")
    var section: String

    @OptionGroup var options: JournalOptions

    func validate() throws {
        guard COESection(name: section) != nil else {
            throw ValidationError(
                "Unknown section '\(section)' (one of \(COESection.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() async throws {
        guard let section = COESection(name: section) else { throw ExitCode(2) }
        try await reportingCOEErrors {
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let input = try await coeInput(journal, incident, showNames: false)
            let previous = IncidentTimeline(entries: input.entries).sectionEntry(section)
            let current: String? = {
                if case .coeSection(let record)? = previous?.body { return record.text }
                return nil
            }()
            let template = SectionTemplate.make(section, current: current, document: COEBuilder.build(input))
            let text = SectionTemplate.parse(try Self.edit(template, name: "COE-\(section.rawValue).md"))
            guard !text.isEmpty, text != current else {
                printLine("\(section.title) unchanged in \(incident.shortID)")
                return
            }
            _ = try await journal.append(
                .coeSection(
                    section, text: text, replacing: previous, context: incident.context,
                    at: try await journal.clusterNow(of: incident.id)),
                to: incident.id)
            printLine("\(section.title) saved in \(incident.shortID)")
        }
    }

    /// Writes `text` to an owner-only temporary file, runs the editor on it and returns what was saved.
    static func edit(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-coe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw COEError.write(path: path, reason: "cannot create the file to edit") }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", editor, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw COEError.editorFailed(command: editor, status: process.terminationStatus)
        }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
