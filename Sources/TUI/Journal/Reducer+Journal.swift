import Foundation
import Timeline

/// A journal key pressed in a table: open an incident, type a note, set milestones, show hidden entries.
func performJournalAction(_ action: Action, _ state: inout AppState) -> [AppEffect] {
    let journal = state.journal
    switch action {
    case .openIncident:
        if let unavailable = journal.unavailable {
            state.message = StatusMessage("The incident journal is unavailable: \(unavailable)", isError: true)
            return []
        }
        state.mode = .journal(.incidentTitle(journal.offer ?? ""))
    case .note:
        if let refusal = journal.refusal { return refuse(refusal, &state) }
        state.mode = .journal(.note(""))
    case .milestones:
        if let refusal = journal.refusal { return refuse(refusal, &state) }
        let firstUnset = journal.milestones.firstIndex { $0.setAt == nil } ?? 0
        state.mode = .journal(.milestones(cursor: firstUnset))
    case .exportCOE:
        if let refusal = journal.refusal { return refuse(refusal, &state) }
        return [.journal(.exportCOE)]
    case .toggleHidden:
        state.journal.showsHidden.toggle()
        state.message = StatusMessage(
            state.journal.showsHidden ? "Timeline: showing hidden entries" : "Timeline: hidden entries left out")
        return [.refreshTimeline(showsHidden: state.journal.showsHidden)]
    default:
        break
    }
    return []
}

/// A key pressed while the journal holds the keyboard (a prompt, the offer or the milestones list).
func journalKey(_ key: Key, _ mode: JournalMode, _ state: inout AppState) -> [AppEffect] {
    switch mode {
    case .incidentTitle(let text):
        guard let title = typed(key, text, &state, mode: { .incidentTitle($0) }) else { return [] }
        guard !title.isEmpty else { return refuse("An incident needs a title", &state) }
        return [.journal(.openIncident(title: title))]
    case .note(let text):
        guard let note = typed(key, text, &state, mode: { .note($0) }), !note.isEmpty else { return [] }
        return [.journal(.addNote(note))]
    case .milestones(let cursor):
        return milestonesKey(key, cursor: cursor, &state)
    case .milestoneTime(let cursor, let text):
        guard let typedTime = typed(key, text, &state, mode: { .milestoneTime(cursor: cursor, $0) }),
            let line = state.journal.milestones[safe: cursor]
        else { return [] }
        guard let time = MilestoneTime.parse(typedTime, near: state.time.cluster) else {
            state.mode = .journal(.milestoneTime(cursor: cursor, typedTime))
            return refuse("'\(typedTime)' is not a time: type HH:MM or HH:MM:SS (UTC)", &state)
        }
        return [.journal(.setMilestone(line.milestone, at: time))]
    }
}

/// Applies what the journal reports.
func reduceJournal(_ event: JournalEvent, _ state: inout AppState) -> [AppEffect] {
    switch event {
    case .incidentChanged(let incident, let milestones):
        state.journal.incident = incident
        state.journal.milestones = milestones
        if incident != nil { state.journal.offer = nil }
    case .unavailable(let reason):
        state.journal.unavailable = reason
    case .entriesChanged:
        return [.refreshTimeline(showsHidden: state.journal.showsHidden)]
    case .criticalSeen(let title):
        let journal = state.journal
        guard !journal.hasOfferedIncident, journal.incident == nil, journal.unavailable == nil else { return [] }
        state.journal.hasOfferedIncident = true
        state.journal.offer = title
    case .criticalRenamed(let title):
        if state.journal.offer != nil, state.journal.incident == nil { state.journal.offer = title }
    case .written(let text, let isError):
        state.message = StatusMessage(text, isError: isError)
    }
    return []
}

private func milestonesKey(_ key: Key, cursor: Int, _ state: inout AppState) -> [AppEffect] {
    let lines = state.journal.milestones
    guard lines.indices.contains(cursor) else {
        state.mode = .normal
        return []
    }
    let line = lines[cursor]
    switch key {
    case .up, .character("k"):
        state.mode = .journal(.milestones(cursor: max(0, cursor - 1)))
    case .down, .character("j"):
        state.mode = .journal(.milestones(cursor: min(lines.count - 1, cursor + 1)))
    case .enter:
        if let setAt = line.setAt {
            return refuse(
                "\(line.milestone.title) is already set at \(UTCClock.text(setAt)): press t to change it", &state)
        }
        state.mode = .normal
        return [.journal(.setMilestone(line.milestone, at: line.proposedAt))]
    case .character("t"):
        let shown = line.setAt ?? line.proposedAt ?? state.time.cluster
        state.mode = .journal(
            .milestoneTime(cursor: cursor, UTCClock.timeOfDay(secondsSince1970: Int64(shown.timeIntervalSince1970))))
    case .escape, .character("q"), .character("M"):
        state.mode = .normal
    default:
        break
    }
    return []
}

/// Edits a journal prompt's text; on Enter returns to the tables and gives the trimmed text, otherwise nil.
private func typed(_ key: Key, _ text: String, _ state: inout AppState, mode: (String) -> JournalMode) -> String? {
    switch PromptEdit(key, text: text) {
    case .cancel:
        state.mode = .normal
        return nil
    case .editing(let text):
        state.mode = .journal(mode(text))
        return nil
    case .submit(let text):
        state.mode = .normal
        return text.trimmingCharacters(in: .whitespaces)
    }
}

private func refuse(_ reason: String, _ state: inout AppState) -> [AppEffect] {
    state.message = StatusMessage(reason, isError: true)
    return []
}
