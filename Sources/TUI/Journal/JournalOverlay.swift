import Foundation
import Timeline

/// How the journal's modes are drawn: a prompt in the footer, or a box over the panes. Pure.
enum JournalOverlay {
    /// The footer prompt of a typing mode.
    static func prompt(for mode: JournalMode, journal: JournalState) -> PromptLine? {
        switch mode {
        case .incidentTitle(let text): PromptLine(prefix: "Incident title: ", text: text)
        case .note(let text): PromptLine(prefix: "Note: ", text: text)
        case .milestoneTime(let cursor, let text):
            PromptLine(
                prefix:
                    "\(journal.milestones[safe: cursor]?.milestone.title.capitalizedFirst ?? "Milestone") at (UTC): ",
                text: text)
        case .milestones: nil
        }
    }

    /// The footer's offer to open an incident, shown while no other message is.
    static func offer(_ journal: JournalState) -> String? {
        journal.offer.map { "Critical: \($0) · press I to open an incident" }
    }

    /// The box drawn over the panes, if the mode has one.
    static func modal(for mode: JournalMode, journal: JournalState) -> Modal? {
        switch mode {
        case .milestones(let cursor), .milestoneTime(let cursor, _):
            milestones(journal, cursor: cursor)
        case .incidentTitle, .note: nil
        }
    }

    /// The milestones of the current incident: set ones with their time, unset ones with Firebreak's proposal.
    static func milestones(_ journal: JournalState, cursor: Int) -> Modal {
        var lines: [StyledLine] = []
        if let incident = journal.incident { lines += [StyledLine(incident.title, role: .title), StyledLine("")] }
        for (index, line) in journal.milestones.enumerated() {
            let marker = index == cursor ? "›" : " "
            let name = line.milestone.title.padding(toLength: 15, withPad: " ", startingAt: 0)
            let text: String
            let role: Role
            if let setAt = line.setAt {
                text = "\(marker) \(name) \(UTCClock.text(setAt))"
                role = .modal
            } else if let proposedAt = line.proposedAt {
                text = "\(marker) \(name) \(UTCClock.text(proposedAt)) proposed: \(line.proposalReason ?? "")"
                role = .severityWarning
            } else {
                text = "\(marker) \(name) not set"
                role = .dim
            }
            lines.append(StyledLine(text, role: index == cursor ? .rowSelected : role))
        }
        lines += [
            StyledLine(""),
            StyledLine("Enter set (the proposal, or now)   t type a time   Esc close", role: .footerKey),
        ]
        return Modal(title: "Milestones", lines: lines)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension String {
    /// `Impact started` for `impact started`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
