import ArgumentParser
import Foundation
import Timeline

/// `firebreak incident …`: the incident journal from the command line (what the console records, headless).
struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Open, annotate and close incidents in the journal.",
        discussion: """
            The journal lives in $XDG_STATE_HOME/firebreak (default ~/.local/state/firebreak; --state-dir moves it). \
            Each command acts on the current incident unless --incident names another. Headless commands stamp \
            entries with this machine's clock as the cluster time (the console uses the cluster's).
            """,
        subcommands: [
            IncidentOpen.self, IncidentList.self, IncidentShow.self, IncidentNote.self, IncidentMilestone.self,
            IncidentItem.self, IncidentClose.self,
        ]
    )
}

/// Where the journal is and which incident to act on.
struct JournalOptions: ParsableArguments {
    @Option(help: "The state directory holding the journal (default: $XDG_STATE_HOME/firebreak).")
    var stateDir: String?

    @Option(help: "The incident to act on: its id or a unique prefix (default: the current incident).")
    var incident: String?

    /// Opens the journal in the state directory (created owner-only when missing).
    func journal() throws -> SQLiteJournal {
        try SQLiteJournal(directory: StateDirectory.resolve(explicit: stateDir))
    }

    /// The incident `--incident` names, if it names one.
    func named(in journal: any Journal) async throws -> UUID? {
        guard let incident else { return nil }
        return try await journal.incident(matching: incident).id
    }

    /// The incident `--incident` names, else the current one.
    func target(in journal: any Journal) async throws -> Incident {
        if let incident { return try await journal.incident(matching: incident) }
        guard let current = try await journal.currentIncident() else { throw TimelineError.noCurrentIncident }
        return current
    }
}

/// Runs a command body, turning the module's errors into one line on stderr and exit status 1.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as TimelineError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

/// Writes a line to stdout.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
