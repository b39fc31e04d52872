import ClusterModel
import Foundation

/// One committed line of an incident's journal. Entries are never deleted or rewritten: an edit is a new entry that
/// supersedes its target, pins and hides are curation entries. Only an aggregated entry's occurrence grows.
public struct JournalEntry: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// Commit order in the journal (never reused); breaks ties of cluster time.
    public var sequence: Int64
    /// Bumped on every write that touches this entry (creation, aggregation); what followers poll on.
    public var revision: Int64
    public var incident: UUID
    /// The kubeconfig context the entry was seen on.
    public var context: String
    /// The cluster time of the entry (orders the timeline) and the wall time it was committed at.
    public var stamp: Stamp
    /// Who wrote it: `signals`, `events`, `store`, `engineer`, `runbook:<id>`, `firebreak`.
    public var source: String
    /// The object it is about, if any.
    public var subject: ObservationSubject?
    public var summary: String
    public var evidence: Evidence
    public var body: EntryBody
    /// The entry this one edits (same kind) or curates (`curation`).
    public var target: UUID?
    /// Where secrets were removed when the entry was written (field names, never values).
    public var redactions: [String]

    public init(
        id: UUID, sequence: Int64, revision: Int64, incident: UUID, context: String, stamp: Stamp, source: String,
        subject: ObservationSubject?, summary: String, evidence: Evidence, body: EntryBody, target: UUID?,
        redactions: [String]
    ) {
        self.id = id
        self.sequence = sequence
        self.revision = revision
        self.incident = incident
        self.context = context
        self.stamp = stamp
        self.source = source
        self.subject = subject
        self.summary = summary
        self.evidence = evidence
        self.body = body
        self.target = target
        self.redactions = redactions
    }

    public var kind: EntryKind { body.kind }

    /// The aggregated occurrence of an observation or Warning event.
    public var occurrence: Occurrence? { body.occurrence }
}
