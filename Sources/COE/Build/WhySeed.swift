import ClusterModel
import Foundation
import Timeline

/// Why #1 from the evidence: the proximate fact ("container coredns OOMKilled at limit 170Mi, 4 times in 12 min"),
/// with the journal entries it stands on, and candidate contributing factors from the data.
enum WhySeed {
    static func seed(_ facts: IncidentFacts) -> String {
        let ooms = facts.observations.filter { $0.record.kind == .oomKilled }
        if let container = Dictionary(
            grouping: ooms, by: { $0.entry.subject?.container ?? $0.entry.subject?.name ?? "" }
        )
        .max(by: { total($0.value) < total($1.value) }) {
            let group = container.value
            let count = total(group)
            let first = group.map(\.record.occurrence.firstSeen).min() ?? .distantPast
            let last = group.map(\.record.occurrence.lastSeen).max() ?? .distantPast
            let limit = group.lazy.compactMap { $0.entry.evidence["memoryLimit"]?.stringValue }.first
            let pods = Set(group.compactMap { $0.entry.subject?.name }).count
            return "container \(container.key) OOMKilled"
                + (limit.map { " at limit \($0)" } ?? "")
                + ", \(count) time\(count == 1 ? "" : "s") in \(minutes(last.timeIntervalSince(first)))"
                + (pods > 1 ? " across \(pods) pods" : "")
                + " (journal \(citations(group.map(\.entry))))"
        }
        if let critical = facts.observations.filter({ $0.record.severity == .critical })
            .min(by: { $0.record.occurrence.firstSeen < $1.record.occurrence.firstSeen })
            ?? facts.observations.min(by: { $0.record.occurrence.firstSeen < $1.record.occurrence.firstSeen })
        {
            return "\(critical.entry.subject?.description ?? "the cluster"): \(critical.entry.summary)"
                + " (journal \(citations([critical.entry])))"
        }
        return "No signal in the journal to seed why #1: write it with firebreak coe edit whys"
    }

    /// Changes seen before or during the incident, node pressure, restarts from a rollout.
    static func candidateFactors(_ facts: IncidentFacts) -> [String] {
        var factors: [String] = []
        for item in facts.timeline.items {
            let entry = item.entry
            if case .changeSeen(let record) = entry.body {
                let when = facts.impactStart.map { COEFormat.offset(entry.stamp.cluster, from: $0) } ?? ""
                let change = ChangeText.values(record, summary: entry.summary)
                factors.append(
                    "\(record.change.rawValue) seen at \(COEFormat.time(entry.stamp.cluster)) \(when): "
                        + "\(entry.summary)\(change) (journal #\(entry.sequence))")
            }
        }
        for observation in facts.observations
        where [.nodePressure, .nodeOOM, .nodeNotReady, .eviction].contains(observation.record.kind) {
            factors.append("\(observation.entry.summary) (journal #\(observation.entry.sequence))")
        }
        return factors
    }

    static func total(_ group: [(entry: JournalEntry, record: ObservationRecord)]) -> Int {
        group.reduce(0) { $0 + $1.record.occurrence.count }
    }

    /// `12 min` (rounded up to a whole minute, at least 1).
    static func minutes(_ seconds: TimeInterval) -> String {
        "\(max(1, Int((seconds / 60).rounded(.up)))) min"
    }

    static func citations(_ entries: [JournalEntry]) -> String {
        entries.map(\.sequence).sorted().map { "#\($0)" }.joined(separator: ", ")
    }
}
