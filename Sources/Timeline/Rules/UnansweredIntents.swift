import Foundation

/// Action intents that no result answers: requests whose outcome the journal does not know, because the process
/// stopped between committing the intent and recording the answer.
public enum UnansweredIntents {
    /// The intents among `entries` that no `actionResult` names, in the entries' order.
    public static func find(in entries: [JournalEntry]) -> [JournalEntry] {
        var answered = Set<UUID>()
        for entry in entries {
            if case .actionResult(let result) = entry.body { answered.insert(result.intent) }
        }
        return entries.filter { $0.kind == .actionIntent && !answered.contains($0.id) }
    }
}

extension Journal {
    /// Action intents without a result in `incident` (in every incident when nil), oldest incident first.
    public func unansweredIntents(in incident: UUID?) async throws -> [JournalEntry] {
        var incidents = incident.map { [$0] } ?? []
        if incident == nil { incidents = try await self.incidents().map(\.id) }
        var found: [JournalEntry] = []
        for incident in incidents { found += UnansweredIntents.find(in: try await entries(of: incident)) }
        return found
    }
}
