import ClusterModel
import Foundation
import Timeline

/// What the builder reads from the journal, worked out once: the curated timeline, the milestones (set or
/// proposed), observations and actions.
struct IncidentFacts {
    let input: COEInput
    let timeline: IncidentTimeline
    /// Each milestone's time, and whether Firebreak proposed it (not yet confirmed by the engineer).
    let milestones: [Milestone: (at: Date, proposed: Bool)]
    let observations: [(entry: JournalEntry, record: ObservationRecord)]
    let written: [COESection: String]

    init(_ input: COEInput) {
        self.input = input
        timeline = IncidentTimeline(entries: input.entries)
        var milestones: [Milestone: (at: Date, proposed: Bool)] = timeline.milestones.mapValues { ($0, false) }
        for proposal in timeline.proposals() where milestones[proposal.milestone] == nil {
            milestones[proposal.milestone] = (proposal.at, true)
        }
        self.milestones = milestones
        observations = timeline.items.compactMap { item in
            guard case .observation(let record) = item.entry.body else { return nil }
            return (item.entry, record)
        }
        written = timeline.writtenSections
    }

    var impactStart: Date? { milestones[.impactStarted]?.at }

    /// `milestone − impact start`, when both are known.
    func sinceImpact(_ milestone: Milestone) -> TimeInterval? {
        guard let start = impactStart, let at = milestones[milestone]?.at else { return nil }
        return at.timeIntervalSince(start)
    }

    /// `4m 10s (impact started 10:02:00 → detected 10:06:10)` or a prompt naming the missing milestone.
    func durationText(to milestone: Milestone) -> String {
        guard let start = milestones[.impactStarted] else {
            return "unknown: set the impact-started milestone (firebreak incident milestone impact-started)"
        }
        guard let end = milestones[milestone] else {
            return
                "unknown: set the \(milestone.rawValue) milestone (firebreak incident milestone \(milestone.rawValue))"
        }
        let proposed = [
            start.proposed ? "impact start proposed" : nil, end.proposed ? "\(milestone.title) proposed" : nil,
        ]
        .compactMap { $0 }
        return "\(COEFormat.duration(end.at.timeIntervalSince(start.at))) (impact started \(COEFormat.time(start.at))"
            + " → \(milestone.title) \(COEFormat.time(end.at)))"
            + (proposed.isEmpty
                ? "" : ", \(proposed.joined(separator: ", ")): confirm with firebreak incident milestone")
    }

    /// The workload an entry is about (`Deployment/kube-system/coredns`), else its subject's `Kind/ns/name`.
    static func workload(of entry: JournalEntry) -> String? {
        if let workload = entry.evidence[IncidentRecording.workloadEvidenceKey]?.stringValue { return workload }
        return entry.subject.map { "\($0.kind)/\($0.namespace ?? "")/\($0.name)" }
    }

    /// `Deployment kube-system/coredns` from `Deployment/kube-system/coredns`.
    static func readable(_ key: String) -> String {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return key }
        return parts[1].isEmpty ? "\(parts[0]) \(parts[2])" : "\(parts[0]) \(parts[1])/\(parts[2])"
    }

    /// Action intents and results (the runbook engine writes them), in timeline order.
    var actions: [(intent: JournalEntry, record: ActionIntentRecord, results: [JournalEntry])] {
        let entries = timeline.items.map(\.entry)
        var results: [UUID: [JournalEntry]] = [:]
        for entry in entries {
            if case .actionResult(let record) = entry.body { results[record.intent, default: []].append(entry) }
        }
        return entries.compactMap { entry in
            guard case .actionIntent(let record) = entry.body else { return nil }
            return (entry, record, results[entry.id] ?? [])
        }
    }
}
