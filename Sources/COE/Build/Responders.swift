import Foundation
import Timeline

/// Blameless attribution: responders by role (incident commander, operator, a runbook, the cluster), never by login
/// or name unless asked for.
enum Responders {
    /// Evidence keys that may hold a person's login or name.
    static let personKeys: Set<String> = ["user", "username", "login", "responder", "author", "confirmedBy"]

    /// The role that wrote an entry: `operator` for the engineer, `runbook <id>` for the engine, `the cluster`
    /// for what was seen; with `showNames`, the name the journal holds beside it.
    static func describe(_ entry: JournalEntry, showNames: Bool) -> String {
        let role: String
        switch entry.source {
        case "engineer": role = "operator"
        case "signals", "events", "store":
            role = entry.kind == .changeSeen ? "someone (seen in the cluster)" : "the cluster"
        case let source where source.hasPrefix("runbook:"): role = "operator via runbook \(source.dropFirst(8))"
        default: role = entry.source
        }
        guard showNames, let name = name(in: entry.evidence) else { return role }
        return "\(role) (\(name))"
    }

    /// The first person-naming evidence value.
    static func name(in evidence: Evidence) -> String? {
        personKeys.sorted().lazy.compactMap { evidence[$0]?.stringValue }.first
    }

    /// Evidence without person-naming values (for the appendix, when names are not shown).
    static func withoutNames(_ evidence: Evidence) -> Evidence {
        evidence.filter { !personKeys.contains($0.key) }
    }

    /// Names the journal holds for people (what the blameless check looks for in the 5 whys).
    static func names(in entries: [JournalEntry]) -> [String] {
        Array(Set(entries.compactMap { name(in: $0.evidence) })).sorted()
    }
}
