import Foundation

/// Collects the pages of one list into the dictionary the store will hold. Each page is decoded on its own task
/// while later pages are fetched, then merged in page order, so the complete list is ready when the last page
/// has been decoded: no concatenation and no rebuild at the end.
final class ListAccumulator<T: StoredObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [ObjectKey: T] = [:]
    /// The merge of the newest page; each merge waits for the one before it.
    private var lastMerge: Task<Void, any Error>?

    /// Decodes `data` in the background and merges its items after those of the pages added before it.
    func add(_ data: Data, resource: ResourceKind) {
        let previous = lastMerge
        // Below the default priority: the next page's request and response come first, and decoding catches up.
        lastMerge = Task.detached(priority: .utility) { [self] in
            let items = try ResourceDecoding.decodeList(T.self, from: data, resource: resource).items
            try await previous?.value
            merge(items)
        }
    }

    /// Waits for every page to be merged and hands over the objects (the accumulator is empty afterwards).
    func take() async throws -> [ObjectKey: T] {
        try await lastMerge?.value
        lastMerge = nil
        return lock.withLock {
            let result = objects
            objects = [:]
            return result
        }
    }

    /// Drops every page (a failed or restarted list).
    func discard() {
        lastMerge?.cancel()
        lastMerge = nil
        lock.withLock { objects = [:] }
    }

    private func merge(_ items: [T]) {
        lock.withLock {
            if objects.isEmpty { objects.reserveCapacity(items.count * 4) }
            for item in items { objects[item.key] = item }
        }
    }
}
