import Foundation

/// The actions the engineer asked to stop (Esc during a drain); the engine asks from any thread.
final class RunbookCancellations: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: Set<Int> = []

    func cancel(_ action: Int) {
        lock.lock()
        defer { lock.unlock() }
        actions.insert(action)
    }

    func contains(_ action: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return actions.contains(action)
    }
}
