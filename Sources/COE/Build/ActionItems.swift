import ClusterModel
import Foundation
import Timeline

/// The action items section: the engineer's items, mitigations done recorded as done, and suggestions from the data
/// (requests far below limits, no PodDisruptionBudget, no alert before the first OOM kill).
enum ActionItems {
    /// A memory request below this share of the limit is "far below".
    static let requestShare = 0.5

    static func rows(_ facts: IncidentFacts) -> [COEDocument.ActionItemRow] {
        var rows: [COEDocument.ActionItemRow] = []
        for item in facts.timeline.items where !item.isHidden {
            guard case .actionItem(let action) = item.entry.body else { continue }
            rows.append(
                COEDocument.ActionItemRow(
                    status: action.isDone ? "done" : "open", type: action.type, text: action.text,
                    ownerRole: action.ownerRole, due: action.due, priority: action.priority,
                    source: "journal #\(item.entry.sequence)"))
        }
        for action in facts.actions {
            guard let result = action.results.last, case .actionResult(let record) = result.body,
                ["succeeded", "success", "done", "ok", "verified"].contains(record.outcome.lowercased())
            else { continue }
            rows.append(
                COEDocument.ActionItemRow(
                    status: "done", type: "mitigate",
                    text: "\(action.record.runbook) \(action.record.step): \(action.intent.summary)",
                    ownerRole: "operator", due: result.stamp.cluster, priority: nil,
                    source: "journal #\(action.intent.sequence), #\(result.sequence)"))
        }
        return rows + suggestions(facts)
    }

    static func suggestions(_ facts: IncidentFacts) -> [COEDocument.ActionItemRow] {
        var rows: [COEDocument.ActionItemRow] = []
        var seen: Set<String> = []
        for observation in facts.observations {
            let evidence = observation.entry.evidence
            let workload = IncidentFacts.workload(of: observation.entry).map(IncidentFacts.readable) ?? "the workload"
            let container = observation.entry.subject?.container ?? "its container"
            if case .number(let request)? = evidence["memoryRequestBytes"],
                case .number(let limit)? = evidence["memoryLimitBytes"], limit > 0, request < limit * requestShare,
                seen.insert("request:\(workload)/\(container)").inserted
            {
                rows.append(
                    suggestion(
                        type: "prevent", priority: "P2",
                        text: "Set the memory request of container \(container) in \(workload) near its working set "
                            + "(request \(COEFormat.bytes(request)) is far below the limit \(COEFormat.bytes(limit))): "
                            + "the scheduler packs pods by requests",
                        source: "evidence of journal #\(observation.entry.sequence)"))
            }
            if evidence["disruptionBudget"]?.stringValue == "none", seen.insert("pdb:\(workload)").inserted {
                rows.append(
                    suggestion(
                        type: "prevent", priority: "P2",
                        text: "Add a PodDisruptionBudget for \(workload): none covered its pods",
                        source: "evidence of journal #\(observation.entry.sequence)"))
            }
        }
        let ooms = facts.observations.filter { $0.record.kind == .oomKilled }
        if let firstOOM = ooms.min(by: { $0.record.occurrence.firstSeen < $1.record.occurrence.firstSeen }) {
            let warned = facts.observations.contains { observation in
                observation.record.kind != .oomKilled && observation.record.severity >= .warning
                    && observation.record.occurrence.firstSeen < firstOOM.record.occurrence.firstSeen
            }
            if !warned {
                rows.append(
                    suggestion(
                        type: "detect", priority: "P1",
                        text: "Alert on memory working set near the limit: no signal fired before the first OOM kill "
                            + "at \(COEFormat.time(firstOOM.record.occurrence.firstSeen))",
                        source: "journal #\(firstOOM.entry.sequence)"))
            }
        }
        return rows
    }

    static func suggestion(type: String, priority: String, text: String, source: String) -> COEDocument.ActionItemRow {
        COEDocument.ActionItemRow(
            status: "suggested", type: type, text: text, ownerRole: nil, due: nil, priority: priority,
            source: source)
    }
}
