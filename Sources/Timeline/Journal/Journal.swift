import Foundation

/// Where incidents and their entries are kept. Implementations: `SQLiteJournal` (one file, the default); a shared
/// PostgreSQL journal for teams can follow. Nothing here names a storage type.
///
/// Writes run off the caller's thread and return once committed; an entry returned by `append` is durable against a
/// crash of the process (and, for action intents, of the machine).
public protocol Journal: Sendable {
    /// Opens an incident on `context` and makes it current.
    func openIncident(title: String, context: String, at clusterTime: Date) async throws -> Incident
    /// Every incident, oldest first.
    func incidents() async throws -> [Incident]
    /// The incident whose id is `idOrPrefix` or starts with it.
    func incident(matching idOrPrefix: String) async throws -> Incident
    /// The incident commands act on when none is named, if one is open.
    func currentIncident() async throws -> Incident?
    func makeCurrent(_ incident: UUID) async throws
    /// Closes an incident (it stays readable); the current incident moves to the latest one still open.
    func closeIncident(_ incident: UUID, at clusterTime: Date) async throws -> Incident
    /// Commits drafts in order; an observation or Warning event that continues an earlier entry's occurrence grows
    /// that entry instead (and the grown entry is returned). Secrets are removed before anything is written.
    func append(_ drafts: [EntryDraft], to incident: UUID) async throws -> [JournalEntry]
    /// Every entry of an incident, in sequence order.
    func entries(of incident: UUID) async throws -> [JournalEntry]
    /// Entries written or grown after `revision` (by any process), in revision order, at most `limit`.
    func changes(after revision: Int64, incident: UUID?, limit: Int) async throws -> [JournalEntry]
    /// Keeps metric samples of the incident's subjects (for the COE's charts); ordinary durability.
    func appendSamples(_ samples: [MetricSample], to incident: UUID) async throws
    /// Every sample of an incident, by cluster time.
    func samples(of incident: UUID) async throws -> [MetricSample]
    /// New and grown entries as they are committed, by this process or another, starting after `revision`.
    func follow(incident: UUID?, after revision: Int64, every interval: Duration) -> AsyncThrowingStream<
        [JournalEntry], any Error
    >
}

extension Journal {
    /// Commits one draft and returns the entry (the grown one, for a continued observation).
    public func append(_ draft: EntryDraft, to incident: UUID) async throws -> JournalEntry {
        guard let entry = try await append([draft], to: incident).first else {
            throw TimelineError.storage("append returned no entry")
        }
        return entry
    }

    /// The incident's timeline as it reads now (edits applied, curation applied, milestones).
    public func timeline(of incident: UUID) async throws -> IncidentTimeline {
        IncidentTimeline(entries: try await entries(of: incident))
    }

    /// Polls `changes(after:)`: a batch as soon as there is one, otherwise a sleep of `interval`.
    public func follow(incident: UUID?, after revision: Int64, every interval: Duration) -> AsyncThrowingStream<
        [JournalEntry], any Error
    > {
        AsyncThrowingStream { continuation in
            let task = Task {
                var last = revision
                do {
                    while !Task.isCancelled {
                        let batch = try await changes(after: last, incident: incident, limit: 2000)
                        if let newest = batch.last?.revision {
                            last = newest
                            continuation.yield(batch)
                        } else {
                            try await Task.sleep(for: interval)
                        }
                    }
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
