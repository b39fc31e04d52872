import ClusterModel
import Foundation
import Timeline

@testable import TUI

/// An incident's journal on `SampleCluster`: its observations as recorded, a note, two milestones and a hidden note,
/// committed in that order (entries built as the journal commits drafts, without a file).
enum SampleJournal {
    static let incident = Incident(
        id: UUID(uuidString: "3F2A0000-0000-4000-8000-000000000001")!, sequence: 1,
        title: "CoreDNS OOM loop in prod-eu", context: "prod-eu",
        openedAt: Stamp(cluster: SampleCluster.ago(600), wall: SampleCluster.ago(600)))

    static var entries: [JournalEntry] {
        let context = incident.context
        var drafts = SampleCluster.observations.map {
            EntryDraft.observation($0, context: context, at: $0.firstSeen)
        }
        drafts += [
            .milestone(.impactStarted, at: SampleCluster.ago(900), context: context),
            .milestone(.detected, at: SampleCluster.ago(540), context: context),
            .note(
                "coredns memory climbs with the cache; looking at the previous log", context: context,
                at: SampleCluster.ago(300)),
            .note("ignore: typo", context: context, at: SampleCluster.ago(200)),
        ]
        var entries = drafts.enumerated().map { index, draft in entry(draft, sequence: Int64(index + 1)) }
        let typo = entries[entries.count - 1]
        entries.append(
            entry(
                .curation(.hide, of: typo.id, context: context, at: SampleCluster.ago(190)),
                sequence: Int64(entries.count + 1)))
        return entries
    }

    static func entry(_ draft: EntryDraft, sequence: Int64) -> JournalEntry {
        JournalEntry(
            id: UUID(uuidString: String(format: "3F2A0000-0000-4000-8000-%012d", 100 + sequence))!,
            sequence: sequence, revision: sequence, incident: incident.id, context: draft.context,
            stamp: Stamp(cluster: draft.clusterTime, wall: draft.clusterTime), source: draft.source,
            subject: draft.subject, summary: draft.summary, evidence: draft.evidence, body: draft.body,
            target: draft.target, redactions: [])
    }

    /// Puts the journal into `console`'s Timeline pane and `state`, as `JournalSession.refresh` does.
    static func show(in console: inout ClusterConsole, _ state: inout AppState) {
        let timeline = IncidentTimeline(entries: entries)
        let events =
            console.replaceTimeline(
                TimelineRow.rows(of: timeline, showsHidden: state.journal.showsHidden), emptyMessage: "", state: state)
            + [.journal(.incidentChanged(IncidentLine(incident), milestones: MilestoneLine.lines(of: timeline)))]
        for event in events { _ = reduce(&state, event) }
    }
}
