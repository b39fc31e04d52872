import ClusterModel
import Foundation

/// An entry before the journal commits it: the journal adds the id, sequence, revision and wall time, and redacts.
public struct EntryDraft: Sendable, Equatable {
    public var context: String
    /// The cluster's time of the entry, supplied by the caller (ClusterModel's cluster clock, or the simulator's).
    public var clusterTime: Date
    public var source: String
    public var subject: ObservationSubject?
    public var summary: String
    public var evidence: Evidence
    public var body: EntryBody
    public var target: UUID?

    public init(
        context: String, clusterTime: Date, source: String, subject: ObservationSubject? = nil, summary: String,
        evidence: Evidence = [:], body: EntryBody, target: UUID? = nil
    ) {
        self.context = context
        self.clusterTime = clusterTime
        self.source = source
        self.subject = subject
        self.summary = summary
        self.evidence = evidence
        self.body = body
        self.target = target
    }

    /// A note typed by the engineer.
    public static func note(_ text: String, context: String, at clusterTime: Date) -> EntryDraft {
        EntryDraft(context: context, clusterTime: clusterTime, source: "engineer", summary: text, body: .note)
    }

    /// A milestone set at `time` (the entry sorts at that time).
    public static func milestone(
        _ milestone: Milestone, at time: Date, context: String, source: String = "engineer"
    ) -> EntryDraft {
        EntryDraft(
            context: context, clusterTime: time, source: source, summary: milestone.title,
            body: .milestone(MilestoneRecord(milestone: milestone, at: time)))
    }

    /// An action item for the COE.
    public static func actionItem(_ item: ActionItem, context: String, at clusterTime: Date) -> EntryDraft {
        EntryDraft(
            context: context, clusterTime: clusterTime, source: "engineer", summary: item.text,
            body: .actionItem(item))
    }

    /// Pins, unpins, hides or shows `entry`.
    public static func curation(
        _ action: CurationRecord.Action, of entry: UUID, context: String, at clusterTime: Date
    ) -> EntryDraft {
        EntryDraft(
            context: context, clusterTime: clusterTime, source: "engineer", summary: action.rawValue,
            body: .curation(CurationRecord(action: action)), target: entry)
    }

    /// A new version of `original`, which it supersedes (same kind; the original stays in the journal).
    public static func edit(
        of original: JournalEntry, summary: String, body: EntryBody? = nil, clusterTime: Date? = nil,
        source: String = "engineer"
    ) -> EntryDraft {
        EntryDraft(
            context: original.context, clusterTime: clusterTime ?? original.stamp.cluster, source: source,
            subject: original.subject, summary: summary, evidence: original.evidence, body: body ?? original.body,
            target: original.id)
    }

    /// An observation from ClusterModel's signals (aggregated by its id).
    public static func observation(
        _ observation: Observation, context: String, at clusterTime: Date, evidence extra: Evidence = [:]
    ) -> EntryDraft {
        let occurrence = Occurrence(
            key: "observation:" + observation.id, count: observation.count, firstSeen: observation.firstSeen,
            lastSeen: observation.lastSeen, isActive: observation.isActive)
        return EntryDraft(
            context: context, clusterTime: clusterTime, source: "signals", subject: observation.subject,
            summary: observation.summary,
            evidence: Evidence(strings: observation.evidence).merging(extra) { _, new in new },
            body: .observation(
                ObservationRecord(
                    observationID: observation.id, kind: observation.kind, severity: observation.severity,
                    occurrence: occurrence)))
    }

    public var kind: EntryKind { body.kind }

    /// The occurrence aggregation grows, if this is an observation or Warning event.
    public var occurrence: Occurrence? { body.occurrence }
}

extension EntryDraft {
    /// The engineer's text for a COE section; superseding `previous` (the section's latest entry) when there is one.
    public static func coeSection(
        _ section: COESection, text: String, replacing previous: JournalEntry?, context: String, at clusterTime: Date
    ) -> EntryDraft {
        EntryDraft(
            context: context, clusterTime: clusterTime, source: "engineer", summary: "COE \(section.title)",
            body: .coeSection(COESectionRecord(section: section, text: text)), target: previous?.id)
    }
}
