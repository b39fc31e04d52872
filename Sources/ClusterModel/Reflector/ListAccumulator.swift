import Foundation

/// Collects the pages of one list into the dictionary the store will hold. Each page is decoded on its own task
/// while later pages are fetched, then merged in page order, so the complete list is ready when the last page
/// has been decoded: no concatenation and no rebuild at the end.
///
/// `add`, `take` and `discard` are called from one task (the reflector's); only the merges run elsewhere.
final class ListAccumulator<T: StoredObject>: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`, as is `listNumber`.
    private var objects: [ObjectKey: T] = [:]
    /// Which list the merges belong to: a page of a discarded list that finishes decoding late is dropped.
    private var listNumber = 0
    /// The merge of the newest page; each merge waits for the one before it.
    private var lastMerge: Task<Void, any Error>?

    /// Decodes `data` in the background and merges its items after those of the pages added before it.
    func add(_ data: Data, resource: ResourceKind) {
        let previous = lastMerge
        let list = lock.withLock { listNumber }
        // Below the default priority: the next page's request and response come first, and decoding catches up.
        lastMerge = Task.detached(priority: .utility) { [self] in
            let items = try ResourceDecoding.decodeList(T.self, from: data, resource: resource).items
            try await previous?.value
            merge(items, into: list)
        }
    }

    /// Waits for every page to be merged and hands over the objects (the accumulator is empty afterwards).
    func take() async throws -> [ObjectKey: T] {
        let merging = lastMerge
        lastMerge = nil
        try await merging?.value
        return lock.withLock {
            let result = objects
            objects = [:]
            listNumber += 1
            return result
        }
    }

    /// Drops every page (a failed or restarted list), including pages still being decoded.
    func discard() {
        lastMerge?.cancel()
        lastMerge = nil
        lock.withLock {
            objects = [:]
            listNumber += 1
        }
    }

    private func merge(_ items: [T], into list: Int) {
        lock.withLock {
            guard list == listNumber else { return }
            if objects.isEmpty { objects.reserveCapacity(items.count * 4) }
            for item in items { objects[item.key] = item }
        }
    }
}
