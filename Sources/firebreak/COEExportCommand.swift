import ArgumentParser
import COE
import Foundation
import Timeline

/// `firebreak coe export`: writes the COE as Markdown (SVG charts beside it), JSON or self-contained HTML.
struct COEExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the incident's COE document (files are owner-only, 0600).")

    @Option(help: "md (with SVG charts beside it), json or html (one self-contained file).")
    var format = "md"

    @Option(help: "Where to write it (default: coe-<incident>.<format> in the current directory).")
    var output: String?

    @Option(help: "Also remove at export: ips, emails (comma-separated). Secrets never reach the journal.")
    var redact: String?

    @Flag(help: "Show responders' names where the journal has them (default: roles only, blameless).")
    var names = false

    @OptionGroup var options: JournalOptions

    func validate() throws {
        do {
            _ = try COEExport.Format(name: format)
            _ = try ExportRedaction(list: redact ?? "")
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        try await reportingCOEErrors {
            let format = try COEExport.Format(name: format)
            let redaction = try ExportRedaction(list: redact ?? "")
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let document = COEBuilder.build(
                try await coeInput(journal, incident, showNames: names), redaction: redaction)
            let path = output ?? "coe-\(incident.shortID).\(format.rawValue)"
            for written in try COEExport.write(document, format: format, to: path) { printLine("wrote \(written)") }
        }
    }
}
