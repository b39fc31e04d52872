import ArgumentParser
import ClusterModel
import Foundation
import Timeline

/// `firebreak incident note TEXT`: a note from the engineer.
struct IncidentNote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to the incident.")

    @Argument(help: "The note.")
    var text: String

    @OptionGroup var options: JournalOptions

    func run() async throws {
        try await reportingErrors {
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let now = try await journal.clusterNow(of: incident.id)
            let entry = try await journal.append(.note(text, context: incident.context, at: now), to: incident.id)
            printLine("noted in \(incident.shortID) at \(KubeTime.format(entry.stamp.cluster))")
        }
    }
}

/// `firebreak incident milestone NAME [--at TIME]`: sets (or moves) a milestone, keeping their order.
struct IncidentMilestone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Set a milestone: impact-started, detected, acknowledged, mitigated, resolved.",
        discussion: """
            Without --at, a proposed milestone takes Firebreak's proposal (see incident show) and any other the \
            current time. Milestones keep the order impact started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved.
            """)

    @Argument(help: "impact-started, detected, acknowledged, mitigated or resolved.")
    var name: String

    @Option(help: "When: RFC 3339 (2026-11-29T10:04:00Z) or HH:MM[:SS] today in UTC.")
    var at: String?

    @OptionGroup var options: JournalOptions

    func validate() throws {
        guard Milestone(name: name) != nil else {
            throw ValidationError(
                "Unknown milestone '\(name)' (one of \(Milestone.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let at, TimeArgument.parse(at, now: Date()) == nil {
            throw ValidationError("--at '\(at)' is not a time (RFC 3339, or HH:MM[:SS] in UTC)")
        }
    }

    func run() async throws {
        guard let milestone = Milestone(name: name) else { throw ExitCode(2) }
        try await reportingErrors {
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let now = try await journal.clusterNow(of: incident.id)
            var time = at.flatMap { TimeArgument.parse($0, now: now) }
            var origin = ""
            if time == nil,
                let proposal = try await journal.timeline(of: incident.id).proposals().first(where: {
                    $0.milestone == milestone
                })
            {
                time = proposal.at
                origin = " (proposed: \(proposal.reason))"
            }
            let entry = try await journal.append(
                .milestone(milestone, at: time ?? now, context: incident.context), to: incident.id)
            printLine("\(milestone.title) at \(KubeTime.format(entry.stamp.cluster)) in \(incident.shortID)\(origin)")
        }
    }
}

/// `firebreak incident item TEXT [--owner ROLE] [--due DATE]`: an action item for the COE.
struct IncidentItem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "item", abstract: "Add an action item.")

    @Argument(help: "What should be done.")
    var text: String

    @Option(help: "The owner's role (blameless: a role, not a name), e.g. \"platform on-call\".")
    var owner: String?

    @Option(help: "Due date: YYYY-MM-DD or RFC 3339.")
    var due: String?

    @Option(help: "Priority: P0 (highest) to P3.")
    var priority: String?

    @Option(help: "Type: mitigate, prevent, detect or process.")
    var type: String = "prevent"

    @OptionGroup var options: JournalOptions

    func validate() throws {
        if let due, TimeArgument.parse(due, now: Date()) == nil {
            throw ValidationError("--due '\(due)' is not a date (YYYY-MM-DD or RFC 3339)")
        }
        if let priority, !["P0", "P1", "P2", "P3"].contains(priority.uppercased()) {
            throw ValidationError("--priority '\(priority)' is not one of P0, P1, P2, P3")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let item = ActionItem(
                type: type, text: text, ownerRole: owner, due: due.flatMap { TimeArgument.parse($0, now: Date()) },
                priority: priority?.uppercased())
            let now = try await journal.clusterNow(of: incident.id)
            _ = try await journal.append(.actionItem(item, context: incident.context, at: now), to: incident.id)
            printLine("action item added to \(incident.shortID)")
        }
    }
}
