import ArgumentParser
import ClusterModel
import Foundation
import Timeline

/// `firebreak incident open TITLE`: opens an incident on the kubeconfig context and makes it current.
struct IncidentOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open an incident and make it current.")

    @Argument(help: "What customers see (the COE title), e.g. \"DNS lookups failing in kube-system\".")
    var title: String

    @Option(help: "The cluster context the incident is about (default: the kubeconfig's current context).")
    var context: String?

    @Option(help: "The kubeconfig file to read the current context from.")
    var kubeconfig: String?

    @Option(help: "The state directory holding the journal (default: $XDG_STATE_HOME/firebreak).")
    var stateDir: String?

    func run() async throws {
        try await reportingErrors {
            let journal = try SQLiteJournal(directory: StateDirectory.resolve(explicit: stateDir))
            let name =
                context ?? (try? KubeconfigLoader().load(kubeconfigPath: kubeconfig).contextName) ?? "(no context)"
            let incident = try await journal.openIncident(title: title, context: name, at: Date())
            printLine("opened incident \(incident.shortID) on \(name): \(incident.title) (now current)")
        }
    }
}

/// `firebreak incident list`: every incident, the current one marked.
struct IncidentList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List incidents.")

    @Option(help: "The state directory holding the journal (default: $XDG_STATE_HOME/firebreak).")
    var stateDir: String?

    func run() async throws {
        try await reportingErrors {
            let journal = try SQLiteJournal(directory: StateDirectory.resolve(explicit: stateDir))
            let current = try await journal.currentIncident()?.id
            let incidents = try await journal.incidents()
            if incidents.isEmpty { printLine("no incidents (firebreak incident open TITLE opens one)") }
            for incident in incidents {
                let marker = incident.id == current ? "*" : " "
                let status = incident.closedAt.map { "closed \(KubeTime.format($0.cluster))" } ?? "open"
                printLine(
                    "\(marker) \(incident.shortID)  \(KubeTime.format(incident.openedAt.cluster))  "
                        + "\(status.padding(toLength: 27, withPad: " ", startingAt: 0))  \(incident.context)  "
                        + incident.title)
            }
        }
    }
}

/// `firebreak incident close`: closes the incident (its journal stays).
struct IncidentClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an incident.")

    @OptionGroup var options: JournalOptions

    func run() async throws {
        try await reportingErrors {
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let closed = try await journal.closeIncident(incident.id, at: try await journal.clusterNow(of: incident.id))
            let next = try await journal.currentIncident()
            printLine(
                "closed incident \(closed.shortID): \(closed.title)"
                    + (next.map { " (current: \($0.shortID) \($0.title))" } ?? ""))
        }
    }
}
