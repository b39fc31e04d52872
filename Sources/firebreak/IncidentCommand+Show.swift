import ArgumentParser
import ClusterModel
import Foundation
import Timeline

/// `firebreak incident show`: the incident's timeline, milestones and proposals.
struct IncidentShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the incident's timeline (UTC), milestones marked.")

    @Flag(help: "Include hidden entries.")
    var all = false

    @OptionGroup var options: JournalOptions

    func run() async throws {
        try await reportingErrors {
            let journal = try options.journal()
            let incident = try await options.target(in: journal)
            let entries = try await journal.entries(of: incident.id)
            let timeline = IncidentTimeline(entries: entries)
            let unknown = Set(UnansweredIntents.find(in: entries).map(\.id))
            printLine("incident \(incident.shortID): \(incident.title)")
            printLine(
                "context \(incident.context), opened \(KubeTime.format(incident.openedAt.cluster))"
                    + (incident.closedAt.map { ", closed \(KubeTime.format($0.cluster))" } ?? ", open")
                    + "; times in UTC")
            for item in timeline.visible(includingHidden: all) {
                printLine(TimelineLine.text(item, resultUnknown: unknown.contains(item.entry.id)))
            }
            for proposal in timeline.proposals() {
                printLine(
                    "proposed: \(proposal.milestone.title) at \(KubeTime.format(proposal.at)) (\(proposal.reason)); "
                        + "confirm with: firebreak incident milestone \(proposal.milestone.rawValue)")
            }
        }
    }
}

/// One timeline item as a line of text.
enum TimelineLine {
    /// `resultUnknown`: an action intent no result answers (the process stopped after sending it).
    static func text(_ item: IncidentTimeline.Item, resultUnknown: Bool = false) -> String {
        let entry = item.entry
        var marks: [String] = []
        if resultUnknown { marks.append("result unknown") }
        if item.isPinned { marks.append("pinned") }
        if item.isHidden { marks.append("hidden") }
        if !item.history.isEmpty { marks.append("edited") }
        var detail = entry.summary
        switch entry.body {
        case .milestone(let record):
            return "\(KubeTime.format(record.at))  ◆ \(record.milestone.title.uppercased())"
                + (marks.isEmpty ? "" : "  [\(marks.joined(separator: ", "))]")
        case .observation(let record):
            detail =
                "\(record.severity.rawValue) \(record.kind.rawValue): \(entry.summary)"
                + " (×\(record.occurrence.count), last \(KubeTime.format(record.occurrence.lastSeen)))"
        case .warningEvent(let record):
            detail = "\(entry.summary) (×\(record.occurrence.count))"
        case .actionItem(let action):
            let facts = [
                action.priority, action.ownerRole.map { "owner \($0)" },
                action.due.map {
                    "due \(KubeTime.format($0).prefix(10))"
                },
            ].compactMap { $0 }
            detail = "[\(action.type)] \(action.text)" + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")
        case .coeSection(let record):
            detail = "COE \(record.section.title): \(record.text.prefix(60))"
        case .changeSeen, .actionIntent, .actionResult, .note, .curation:
            break
        }
        let subject = entry.subject.map { "  \($0.description)" } ?? ""
        return "\(KubeTime.format(entry.stamp.cluster))  \(entry.kind.rawValue)\(subject)  \(detail)"
            + (marks.isEmpty ? "" : "  [\(marks.joined(separator: ", "))]")
    }
}
