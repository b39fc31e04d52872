import Foundation
import Timeline

/// The timeline section: the curated journal in cluster-time order, hidden entries left out unless pinned,
/// milestones marked, gaps over 15 minutes flagged. Engineer-written COE sections, curation and action items live
/// elsewhere in the document.
enum TimelineRows {
    /// A silence longer than this between two rows is flagged for the engineer to explain.
    static let gapThreshold: TimeInterval = 15 * 60

    static func section(_ facts: IncidentFacts) -> COEDocument.TimelineSection {
        let shown: Set<EntryKind> = [.observation, .warningEvent, .changeSeen, .actionIntent, .actionResult, .note]
        let candidates = facts.timeline.items.filter { shown.contains($0.entry.kind) }
        let visible = candidates.filter { !$0.isHidden || $0.isPinned }
        var rows = visible.map { item in row(item.entry, facts: facts, pinned: item.isPinned) }
        for (milestone, value) in facts.milestones.sorted(by: { $0.key < $1.key }) {
            let entry = facts.timeline.items.last { item in
                if case .milestone(let record) = item.entry.body { return record.milestone == milestone }
                return false
            }?.entry
            rows.append(
                COEDocument.TimelineRow(
                    time: value.at, offset: facts.impactStart.map { COEFormat.offset(value.at, from: $0) },
                    kind: "milestone", subject: nil,
                    text: milestone.title + (value.proposed ? " (proposed by Firebreak, not yet confirmed)" : ""),
                    milestone: milestone, isPinned: false, gapBefore: nil, sequence: entry?.sequence ?? 0))
        }
        rows.sort {
            ($0.time, $0.milestone == nil ? 1 : 0, $0.sequence) < ($1.time, $1.milestone == nil ? 1 : 0, $1.sequence)
        }
        var gaps = 0
        for index in rows.indices.dropFirst() {
            let gap = rows[index].time.timeIntervalSince(rows[index - 1].time)
            if gap > gapThreshold {
                rows[index].gapBefore = gap
                gaps += 1
            }
        }
        return COEDocument.TimelineSection(
            rows: rows, hiddenCount: candidates.count - visible.count,
            gapPrompt: gaps == 0
                ? nil
                : "Explain the \(gaps == 1 ? "gap" : "\(gaps) gaps") over 15 minutes flagged above: what was happening? "
                    + "(firebreak incident note --at ... or a note in the console)")
    }

    static func row(_ entry: JournalEntry, facts: IncidentFacts, pinned: Bool) -> COEDocument.TimelineRow {
        let time = entry.stamp.cluster
        return COEDocument.TimelineRow(
            time: time, offset: facts.impactStart.map { COEFormat.offset(time, from: $0) },
            kind: label(entry), subject: entry.subject?.description,
            text: text(entry, showNames: facts.input.showNames),
            milestone: nil, isPinned: pinned, gapBefore: nil, sequence: entry.sequence)
    }

    static func label(_ entry: JournalEntry) -> String {
        switch entry.body {
        case .observation(let record): "\(record.severity.rawValue) signal"
        case .warningEvent: "Warning event"
        case .changeSeen(let record): "change seen (\(record.change.rawValue))"
        case .actionIntent: "action"
        case .actionResult: "action result"
        case .note: "note"
        case .milestone: "milestone"
        case .actionItem: "action item"
        case .curation: "curation"
        case .coeSection: "COE section"
        }
    }

    static func text(_ entry: JournalEntry, showNames: Bool) -> String {
        switch entry.body {
        case .observation(let record):
            let occurrence = record.occurrence
            let span = occurrence.lastSeen.timeIntervalSince(occurrence.firstSeen)
            return entry.summary
                + (occurrence.count > 1
                    ? " (×\(occurrence.count) over \(COEFormat.duration(span)), last \(COEFormat.time(occurrence.lastSeen)))"
                    : "")
        case .warningEvent(let record):
            return entry.summary + (record.occurrence.count > 1 ? " (×\(record.occurrence.count))" : "")
        case .changeSeen(let record):
            let change = ChangeText.values(record, summary: entry.summary)
            return entry.summary + change + " by " + Responders.describe(entry, showNames: showNames)
        case .actionIntent(let record):
            return "\(record.runbook) \(record.step)\(record.isDryRun ? " (dry run)" : ""): \(entry.summary) by "
                + Responders.describe(entry, showNames: showNames)
        case .actionResult(let record):
            return "\(record.outcome): \(entry.summary)"
        case .note:
            return "\(Responders.describe(entry, showNames: showNames)): \(entry.summary)"
        case .milestone, .actionItem, .curation, .coeSection:
            return entry.summary
        }
    }
}
