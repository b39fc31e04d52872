import ClusterModel
import Foundation

/// What Firebreak proposes for a milestone, and why; the engineer confirms or edits it.
public struct MilestoneProposal: Sendable, Equatable {
    public var milestone: Milestone
    public var at: Date
    /// The entry the proposal comes from.
    public var entry: UUID
    /// One line: `first related observation: OOMKilled ...` or `earlier change seen: ...`.
    public var reason: String
}

extension IncidentTimeline {
    /// Impact start: the first observation, or an earlier change seen on the workload of an observed object.
    /// Detected: the first critical observation. Only milestones not yet set are proposed.
    public func proposals() -> [MilestoneProposal] {
        var result: [MilestoneProposal] = []
        let observations = items.compactMap { item -> (JournalEntry, ObservationRecord)? in
            guard case .observation(let record) = item.entry.body else { return nil }
            return (item.entry, record)
        }
        if milestones[.impactStarted] == nil,
            let first = observations.min(by: { $0.1.occurrence.firstSeen < $1.1.occurrence.firstSeen })
        {
            let workloads = Set(observations.compactMap { Self.workload(of: $0.0) })
            let changes = items.map(\.entry).filter { entry in
                guard case .changeSeen = entry.body, let subject = entry.subject else { return false }
                return entry.stamp.cluster < first.1.occurrence.firstSeen && workloads.contains(Self.key(subject))
            }
            if let change = changes.min(by: { $0.stamp.cluster < $1.stamp.cluster }) {
                result.append(
                    MilestoneProposal(
                        milestone: .impactStarted, at: change.stamp.cluster, entry: change.id,
                        reason: "earlier change seen on \(change.subject?.description ?? "the workload"): "
                            + change.summary))
            } else {
                result.append(
                    MilestoneProposal(
                        milestone: .impactStarted, at: first.1.occurrence.firstSeen, entry: first.0.id,
                        reason: "first related observation: \(first.0.summary)"))
            }
        }
        if milestones[.detected] == nil,
            let critical = observations.filter({ $0.1.severity == .critical }).min(by: {
                ($0.0.stamp.cluster, $0.0.sequence) < ($1.0.stamp.cluster, $1.0.sequence)
            })
        {
            result.append(
                MilestoneProposal(
                    milestone: .detected, at: critical.0.stamp.cluster, entry: critical.0.id,
                    reason: "first critical signal: \(critical.0.summary)"))
        }
        return result
    }

    /// `Kind/namespace/name` of an object.
    static func key(_ subject: ObservationSubject) -> String {
        "\(subject.kind)/\(subject.namespace ?? "")/\(subject.name)"
    }

    /// The workload an observation's object belongs to, as the recorder noted it in the evidence (`workload`).
    static func workload(of entry: JournalEntry) -> String? {
        if let workload = entry.evidence[IncidentRecording.workloadEvidenceKey]?.stringValue { return workload }
        guard let subject = entry.subject, subject.kind != "Pod" else { return nil }
        return key(subject)
    }
}
