/// What the incident journal reports to `reduce`.
public enum JournalEvent: Hashable, Sendable {
    /// The current incident and its milestones as they are now (nil: none open on this cluster).
    case incidentChanged(IncidentLine?, milestones: [MilestoneLine])
    /// The journal could not be opened; its keys say why.
    case unavailable(String)
    /// New or grown entries were committed (by this process or another); coalesced.
    case entriesChanged
    /// A critical signal is showing while no incident is open.
    case criticalSeen(suggestedTitle: String)
    /// A signal that names the incident better than the one offered showed (the OOM-killed container after its
    /// node's OOM event): the offer, while it still shows, takes this title.
    case criticalRenamed(suggestedTitle: String)
    /// A write was committed (`Note added`) or refused (the reason); shown in the footer.
    case written(String, isError: Bool)
}
