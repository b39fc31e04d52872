import ArgumentParser
import COE
import Foundation
import Timeline

/// `firebreak coe …`: the Correction-of-Errors document, regenerated from the journal on every export.
struct COECommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coe",
        abstract: "Export the incident's Correction-of-Errors document, or write one of its sections.",
        discussion: """
            The console owns the facts (timeline, numbers, charts, actions); the engineer writes the meaning \
            (title, summary, 5 whys, lessons, ...) with coe edit, kept in the journal. Export regenerates the whole \
            document from the journal every time, so nothing written is lost.
            """,
        subcommands: [COEExportCommand.self, COEEditCommand.self]
    )
}

/// Runs a command body, turning the COE and journal errors into one line on stderr and exit status 1.
func reportingCOEErrors(_ body: () async throws -> Void) async throws {
    try await reportingErrors {
        do {
            try await body()
        } catch let error as COEError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Reads what a COE is built from.
func coeInput(_ journal: any Journal, _ incident: Incident, showNames: Bool) async throws -> COEInput {
    COEInput(
        incident: incident, entries: try await journal.entries(of: incident.id),
        samples: try await journal.samples(of: incident.id), showNames: showNames, generatedAt: Date())
}
