import ClusterModel
import Foundation
import Timeline

/// One line of the Timeline pane: an entry of the current incident's journal at its latest edit.
public struct TimelineRow: Sendable {
    public var item: IncidentTimeline.Item

    public init(item: IncidentTimeline.Item) {
        self.item = item
    }

    var entry: JournalEntry { item.entry }

    /// What kind of entry it is, as people read it: `OOMKilled`, `Warning event`, `change`, `note`, `milestone`.
    var kindText: String {
        switch entry.body {
        case .observation(let record): record.kind.title
        case .warningEvent: "Warning event"
        case .changeSeen: "change"
        case .actionIntent: "action"
        case .actionResult: "result"
        case .note: "note"
        case .milestone: "milestone"
        case .actionItem: "action item"
        case .curation: "curation"
        case .coeSection: "COE section"
        }
    }

    var kindRole: Role {
        switch entry.body {
        case .observation(let record):
            switch record.severity {
            case .critical: .severityCritical
            case .warning: .severityWarning
            case .info: .severityInfo
            }
        case .warningEvent: .severityWarning
        case .milestone: .title
        case .note, .actionIntent, .actionResult: .message
        default: .row
        }
    }

    /// `kube-system/coredns-… [coredns]`, or empty for entries about no object.
    var subjectText: String {
        entry.subject.map(SignalRow.subjectText) ?? ""
    }

    /// The summary, with how many times it was seen, a milestone's marker and the entry's curation.
    var text: String {
        var text = entry.summary
        if case .milestone = entry.body { text = "◆ " + text }
        if let occurrence = entry.occurrence, occurrence.count > 1 { text += " ×\(occurrence.count)" }
        if !item.history.isEmpty { text += " (edited)" }
        if item.isPinned { text = "★ " + text }
        if item.isHidden { text += " (hidden)" }
        return text
    }

    /// The rows of a timeline, in its order (cluster time, then sequence), hidden entries only when asked for.
    static func rows(of timeline: IncidentTimeline, showsHidden: Bool) -> [TimelineRow] {
        timeline.visible(includingHidden: showsHidden).map(TimelineRow.init(item:))
    }
}
