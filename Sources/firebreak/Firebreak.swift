import ArgumentParser

/// The `firebreak` command line.
@main
struct Firebreak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firebreak",
        abstract: "An incident console for Kubernetes.",
        subcommands: [
            SimCommand.self, ConsoleCommand.self, SignalsCommand.self, IncidentCommand.self, RunbookCommand.self,
            COECommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
