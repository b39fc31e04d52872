import Foundation
import Timeline

/// What the journal's background tasks share with the UI loop: the current incident and its entries as followed so
/// far (each at its latest revision). Written by the follow task, read by `JournalSession.refresh`.
final class JournalLink: @unchecked Sendable {
    private let lock = NSLock()
    private var incident: Incident?
    private var entries: [UUID: JournalEntry] = [:]
    private var isRefreshPending = false

    /// The incident being recorded into, if any.
    var currentIncident: Incident? { lock.withLock { incident } }

    /// Makes `incident` current, forgetting the entries of any other.
    func follow(_ incident: Incident?) {
        lock.withLock {
            self.incident = incident
            entries = [:]
        }
    }

    /// Keeps the newest revision of each entry of the current incident; true when the UI loop should be told (once
    /// until it next takes the entries).
    func merge(_ batch: [JournalEntry]) -> Bool {
        lock.withLock {
            for entry in batch where entry.incident == incident?.id {
                if let known = entries[entry.id], known.revision >= entry.revision { continue }
                entries[entry.id] = entry
            }
            defer { isRefreshPending = true }
            return !isRefreshPending
        }
    }

    /// The current incident and its entries, clearing the pending refresh.
    func take() -> (incident: Incident?, entries: [JournalEntry]) {
        lock.withLock {
            isRefreshPending = false
            return (incident, Array(entries.values))
        }
    }
}
