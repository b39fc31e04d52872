import Foundation
import Timeline

/// What the console knows of the incident journal: the current incident, its milestones, and the console's choices
/// about it. Kept in `AppState`; the journal itself lives with `JournalSession`.
public struct JournalState: Hashable, Sendable {
    /// The incident entries are recorded into, if one is open on this cluster.
    public var incident: IncidentLine?
    /// Why there is no journal (it could not be opened); nil when it works.
    public var unavailable: String?
    /// Each milestone as set, or as Firebreak proposes it, in order.
    public var milestones: [MilestoneLine] = MilestoneLine.unset
    /// The title the console suggests for an incident, offered in the footer since a critical signal showed while
    /// none was open; `I` starts from it.
    public var offer: String?
    /// True once the console has offered to open an incident on a critical signal (it offers once a session).
    public var hasOfferedIncident = false
    /// The Timeline pane shows hidden entries too.
    public var showsHidden = false

    public init() {}

    /// Why a journal key cannot work now, or nil when it can.
    var refusal: String? {
        if let unavailable { return "The incident journal is unavailable: \(unavailable)" }
        if incident == nil { return "No incident is open: press I to open one" }
        return nil
    }
}

/// The current incident as the console names it.
public struct IncidentLine: Hashable, Sendable {
    public var shortID: String
    public var title: String
    public var context: String

    public init(shortID: String, title: String, context: String) {
        self.shortID = shortID
        self.title = title
        self.context = context
    }

    public init(_ incident: Incident) {
        self.init(shortID: incident.shortID, title: incident.title, context: incident.context)
    }
}

/// One milestone in the milestones list: when it was set, or what Firebreak proposes and why.
public struct MilestoneLine: Hashable, Sendable {
    public var milestone: Milestone
    public var setAt: Date?
    public var proposedAt: Date?
    public var proposalReason: String?

    public init(milestone: Milestone, setAt: Date? = nil, proposedAt: Date? = nil, proposalReason: String? = nil) {
        self.milestone = milestone
        self.setAt = setAt
        self.proposedAt = proposedAt
        self.proposalReason = proposalReason
    }

    /// The milestones of a timeline: set ones with their time, unset ones with Firebreak's proposal if any.
    public static func lines(of timeline: IncidentTimeline) -> [MilestoneLine] {
        let proposals = timeline.proposals()
        return Milestone.allCases.map { milestone in
            let proposal = proposals.first { $0.milestone == milestone }
            return MilestoneLine(
                milestone: milestone, setAt: timeline.milestones[milestone], proposedAt: proposal?.at,
                proposalReason: proposal?.reason)
        }
    }
}

extension MilestoneLine {
    /// Every milestone, none set or proposed.
    public static let unset = Milestone.allCases.map { MilestoneLine(milestone: $0) }
}
