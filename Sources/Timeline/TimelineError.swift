import ClusterModel
import Foundation

/// Everything the Timeline module can refuse or fail at; `description` is the line the user sees.
public enum TimelineError: Error, Equatable, CustomStringConvertible {
    /// The state directory or journal file belongs to another user.
    case foreignOwner(path: String, owner: UInt32, user: UInt32)
    /// The state directory could not be created or secured.
    case stateDirectory(path: String, reason: String)
    /// The journal file could not be opened or migrated.
    case journalUnreadable(path: String, reason: String)
    /// The journal was written by a newer Firebreak (migrations this one does not know).
    case journalTooNew(path: String, unknown: [String])
    /// Moving `milestone` to `at` would put it on the wrong side of `crossing`, set at `crossingAt`.
    case milestoneOrder(milestone: Milestone, at: Date, crossing: Milestone, crossingAt: Date)
    case noSuchIncident(String)
    case ambiguousIncident(String, matches: [String])
    case noCurrentIncident
    case incidentClosed(String)
    /// An edit or curation names an entry that is not in this incident.
    case noSuchEntry(UUID)
    /// An edit must keep the kind of the entry it supersedes.
    case editChangesKind(from: EntryKind, to: EntryKind)
    /// The storage failed (disk full, I/O error, ...).
    case storage(String)

    public var description: String {
        switch self {
        case .foreignOwner(let path, let owner, let user):
            return
                "\(path) is owned by uid \(owner), not by you (uid \(user)): refusing to use another user's journal; "
                + "pass --state-dir to use your own"
        case .stateDirectory(let path, let reason):
            return "Cannot prepare the state directory \(path): \(reason)"
        case .journalUnreadable(let path, let reason):
            return "Cannot open the journal \(path): \(reason)"
        case .journalTooNew(let path, let unknown):
            return "The journal \(path) was written by a newer Firebreak (schema \(unknown.joined(separator: ", "))); "
                + "upgrade Firebreak to open it"
        case .milestoneOrder(let milestone, let at, let crossing, let crossingAt):
            let side = milestone < crossing ? "after" : "before"
            return "\(milestone.title) at \(KubeTime.format(at)) would come \(side) \(crossing.title) at "
                + "\(KubeTime.format(crossingAt)); milestones keep the order "
                + Milestone.allCases.map(\.title).joined(separator: " ≤ ")
        case .noSuchIncident(let id):
            return "No incident '\(id)' in the journal (firebreak incident list shows them)"
        case .ambiguousIncident(let id, let matches):
            return "Incident id '\(id)' matches \(matches.count) incidents (\(matches.joined(separator: ", "))); "
                + "give more of it"
        case .noCurrentIncident:
            return "No current incident: open one with firebreak incident open TITLE, or name one with --incident ID"
        case .incidentClosed(let id):
            return "Incident \(id) is closed"
        case .noSuchEntry(let id):
            return "No entry \(id.uuidString.lowercased()) in this incident"
        case .editChangesKind(let from, let to):
            return "An edit keeps the kind of the entry it replaces (\(from.rawValue), not \(to.rawValue))"
        case .storage(let reason):
            return "Journal storage failed: \(reason)"
        }
    }
}
