/// Whether a runbook can be offered on a selected row, and why not.
public enum RunbookAvailability: Sendable, Hashable {
    case available
    /// The reason, for the footer: `console is read-only`.
    case unavailable(String)
}

extension Runbook {
    /// Whether this runbook's key applies to a row of `kind` (nil: no row selected), before asking the server.
    public func availability(for kind: TargetKind?, isReadOnly: Bool) -> RunbookAvailability {
        guard let kind else { return .unavailable("select a row first") }
        guard accepts(kind) else {
            return .unavailable(
                "\(id) applies to \(targets.map(\.rawValue).joined(separator: ", ")) rows, not \(kind.rawValue) rows")
        }
        if isReadOnly, risk != .readOnly { return .unavailable("console is read-only") }
        return .available
    }
}
