import ClusterModel
import Foundation
import Timeline

/// Customer impact per affected workload from the observations and samples: OOM kills, pods affected as
/// "X of Y (Z%)", restarts, peak throttling, over the impact window.
enum ImpactFacts {
    static func section(_ facts: IncidentFacts, written: Written) -> COEDocument.Impact {
        let start = facts.impactStart
        let end = facts.milestones[.mitigated]?.at ?? facts.milestones[.resolved]?.at
        let window: String
        if let start, let end {
            let label = facts.milestones[.mitigated] != nil ? "mitigated" : "resolved"
            window =
                "\(COEFormat.duration(end.timeIntervalSince(start))) (impact started \(COEFormat.time(start)) → "
                + "\(label) \(COEFormat.time(end)))"
        } else if let start {
            window = "from \(COEFormat.time(start)), still open: set the mitigated milestone when it ends"
        } else {
            window = "unknown: set the impact-started milestone"
        }
        let grouped = Dictionary(grouping: facts.observations) { IncidentFacts.workload(of: $0.entry) ?? "cluster" }
        let samplesByWorkload = Dictionary(grouping: facts.input.samples) { $0.workload ?? subjectKey($0.subject) }
        let workloads = grouped.keys.sorted().map { workload in
            COEDocument.WorkloadImpact(
                workload: IncidentFacts.readable(workload),
                lines: lines(grouped[workload] ?? [], samples: samplesByWorkload[workload] ?? []))
        }
        return COEDocument.Impact(
            windowStart: start, windowEnd: end, window: window, workloads: workloads, written: written)
    }

    /// `Kind/namespace/name`: how a sample without a workload (a bare pod, a node) is grouped.
    static func subjectKey(_ subject: ObservationSubject) -> String {
        "\(subject.kind)/\(subject.namespace ?? "")/\(subject.name)"
    }

    static func lines(
        _ observations: [(entry: JournalEntry, record: ObservationRecord)], samples: [MetricSample]
    ) -> [String] {
        var lines: [String] = []
        let desired = observations.lazy.compactMap { $0.entry.evidence["desiredReplicas"] }.first.flatMap {
            if case .number(let value) = $0 { return Int(value) }
            return nil
        }
        let pods = Set(observations.compactMap { $0.entry.subject?.kind == "Pod" ? $0.entry.subject?.name : nil })
        let ooms = observations.filter { $0.record.kind == .oomKilled }
        if !ooms.isEmpty {
            let oomPods = Set(ooms.compactMap { $0.entry.subject?.name })
            let total = ooms.reduce(0) { $0 + $1.record.occurrence.count }
            lines.append(
                "pods OOM-killed: \(COEFormat.share(oomPods.count, of: desired ?? pods.count)) of the desired replicas; "
                    + "\(total) OOM kill\(total == 1 ? "" : "s") in all")
        }
        if !pods.isEmpty {
            lines.append("pods with a signal: \(COEFormat.share(pods.count, of: desired ?? pods.count))")
        }
        let byPod = Dictionary(grouping: samples) { "\($0.subject.name)/\($0.subject.container ?? "")" }
        let restarts = byPod.values.reduce(0) { total, series in
            let counts = series.compactMap(\.restarts)
            return total + ((counts.max() ?? 0) - (counts.min() ?? 0))
        }
        if samples.contains(where: { $0.restarts != nil }) { lines.append("restarts while recorded: \(restarts)") }
        if let peak = samples.compactMap(\.throttlingRatio).max(), peak > 0 {
            lines.append("peak CPU throttling: \(COEFormat.percent(peak)) of periods")
        }
        for kind in Set(observations.map(\.record.kind)).sorted(by: { $0.rawValue < $1.rawValue })
        where kind != .oomKilled {
            let matching = observations.filter { $0.record.kind == kind }
            let count = matching.reduce(0) { $0 + $1.record.occurrence.count }
            let span = (matching.map(\.record.occurrence.lastSeen).max() ?? .distantPast)
                .timeIntervalSince(matching.map(\.record.occurrence.firstSeen).min() ?? .distantPast)
            lines.append("\(kind.title): \(count)× over \(COEFormat.duration(span))")
        }
        return lines
    }
}
