import COE
import ClusterModel
import Foundation
import Timeline

/// Journal entries for the pure builder's tests, numbered as the journal would (no storage).
struct JournalBuilder {
    static let start = Date(timeIntervalSince1970: 1_795_251_600)
    let incident = Incident(
        id: UUID(), sequence: 1, title: "DNS lookups failing", context: "kind-demo",
        openedAt: Stamp(cluster: start, wall: start))
    private(set) var entries: [JournalEntry] = []
    var samples: [MetricSample] = []

    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    /// Appends `draft` as the next entry.
    @discardableResult
    mutating func add(_ draft: EntryDraft) -> JournalEntry {
        let sequence = Int64(entries.count + 1)
        let entry = JournalEntry(
            id: UUID(), sequence: sequence, revision: sequence, incident: incident.id, context: draft.context,
            stamp: Stamp(cluster: draft.clusterTime, wall: draft.clusterTime), source: draft.source,
            subject: draft.subject, summary: draft.summary, evidence: draft.evidence, body: draft.body,
            target: draft.target, redactions: [])
        entries.append(entry)
        return entry
    }

    @discardableResult
    mutating func note(_ text: String, at minutes: Double, evidence: Evidence = [:]) -> JournalEntry {
        var draft = EntryDraft.note(text, context: "kind-demo", at: Self.at(minutes))
        draft.evidence = evidence
        return add(draft)
    }

    mutating func milestone(_ milestone: Milestone, at minutes: Double) {
        add(.milestone(milestone, at: Self.at(minutes), context: "kind-demo"))
    }

    mutating func section(_ section: COESection, _ text: String, at minutes: Double = 60) {
        let previous = IncidentTimeline(entries: entries).sectionEntry(section)
        add(.coeSection(section, text: text, replacing: previous, context: "kind-demo", at: Self.at(minutes)))
    }

    /// An OOM loop on container `coredns` of `pod`, seen `count` times from `first` to `last` minutes.
    @discardableResult
    mutating func oom(
        pod: String, count: Int, first: Double, last: Double, evidence: Evidence = [:],
        kind: ObservationKind = .oomKilled,
        severity: Severity = .critical
    ) -> JournalEntry {
        let observation = Observation(
            id: "\(kind.rawValue)/kube-system/\(pod)/coredns", kind: kind, severity: severity,
            subject: ObservationSubject(kind: "Pod", namespace: "kube-system", name: pod, container: "coredns"),
            firstSeen: Self.at(first), lastSeen: Self.at(last), count: count,
            evidence: ["memoryLimit": "170Mi"], summary: "\(kind.rawValue) \(count)× at limit 170Mi")
        var extra = evidence
        extra[IncidentRecording.workloadEvidenceKey] = "Deployment/kube-system/coredns"
        return add(.observation(observation, context: "kind-demo", at: Self.at(first), evidence: extra))
    }

    func input(showNames: Bool = false) -> COEInput {
        COEInput(
            incident: incident, entries: entries, samples: samples, showNames: showNames,
            generatedAt: Self.at(120))
    }
}
