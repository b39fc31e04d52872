import ClusterModel
import Foundation
import Timeline

/// The mitigation section's action table, from the journal's action intents and results and their evidence
/// (runbook, parameters, dry-run diff, confirmation, result, verification). Missing fields show as `—`.
enum ActionTable {
    static func rows(_ facts: IncidentFacts) -> [COEDocument.ActionRow] {
        facts.actions.map { action in
            let evidence = action.intent.evidence
            let resultEvidence = action.results.last?.evidence ?? [:]
            let outcome = action.results.compactMap { result -> String? in
                guard case .actionResult(let record) = result.body else { return nil }
                let status = result.evidence["status"].map(text) ?? ""
                return [
                    record.outcome, status.isEmpty ? nil : "HTTP \(status)",
                    result.summary.isEmpty ? nil : result.summary,
                ]
                .compactMap { $0 }.joined(separator: ", ")
            }
            return COEDocument.ActionRow(
                time: action.intent.stamp.cluster, runbook: action.record.runbook,
                step: action.record.step + (action.record.isDryRun ? " (dry run)" : ""),
                parameters: field(evidence, ["parameters", "params"]),
                dryRunDiff: field(evidence, ["changes", "diff", "dryRunDiff"]),
                confirmation: field(evidence, ["confirmation", "confirmed"]),
                result: outcome.isEmpty ? "result unknown (no result in the journal)" : outcome.joined(separator: "; "),
                verification: field(
                    resultEvidence.merging(evidence) { result, _ in result }, ["verification", "verified"]))
        }
    }

    static func field(_ evidence: Evidence, _ keys: [String]) -> String {
        keys.lazy.compactMap { evidence[$0] }.first.map(text) ?? "—"
    }

    /// Evidence as one line: strings as they are, arrays joined, objects as `key=value`.
    static func text(_ value: EvidenceValue) -> String {
        switch value {
        case .string(let string): string
        case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
        case .bool(let bool): bool ? "yes" : "no"
        case .null: "—"
        case .array(let items): items.map(text).joined(separator: "; ")
        case .object(let fields):
            fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(text($0.value))" }.joined(separator: ", ")
        }
    }
}
