import Foundation

/// Where background tasks (cluster watches, timers, runbook steps) post events for the UI loop.
///
/// The loop takes everything posted since it last looked, between two reads of the keyboard.
public final class EventInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AppEvent] = []

    public init() {}

    /// Queues `event` for the UI loop; callable from any thread.
    public func post(_ event: AppEvent) {
        lock.lock()
        defer { lock.unlock() }
        events.append(event)
    }

    /// Everything posted so far, oldest first, leaving the inbox empty.
    func takeAll() -> [AppEvent] {
        lock.lock()
        defer { lock.unlock() }
        let taken = events
        events.removeAll(keepingCapacity: true)
        return taken
    }
}
