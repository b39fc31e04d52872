import Timeline

/// What the console is asking about the journal while it holds the keyboard.
public enum JournalMode: Hashable, Sendable {
    /// Typing the new incident's title.
    case incidentTitle(String)
    /// Typing a note for the current incident.
    case note(String)
    /// The milestones list, with the cursor on one.
    case milestones(cursor: Int)
    /// Typing the time (UTC `HH:MM` or `HH:MM:SS`) of the milestone under the cursor.
    case milestoneTime(cursor: Int, String)
}
