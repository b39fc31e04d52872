/// An object as stored: the typed value and its JSON encoding (without `kind`/`apiVersion`, as list items are served).
struct StoredObject: Sendable {
    var object: any SimObject
    var json: [UInt8]
    var resourceVersion: Int64

    var metadata: ObjectMeta { object.metadata }

    /// The encoding with `kind` and `apiVersion` first, as single objects and watch events are served.
    func jsonWithKind(_ resource: ResourceType) -> [UInt8] {
        var bytes = Array("{\"kind\":\"\(resource.kind)\",\"apiVersion\":\"\(resource.apiVersion)\"".utf8)
        if json.count > 2 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: json.dropFirst())
        return bytes
    }
}

/// What a watch event says happened.
enum WatchEventType: String, Sendable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
    case bookmark = "BOOKMARK"
    case error = "ERROR"
}

/// One change in a resource's history, kept so a watch can resume from a resourceVersion.
struct HistoryEntry: Sendable {
    let type: WatchEventType
    let stored: StoredObject
}

/// The objects of one resource, kept sorted by key for paginated lists, with a bounded change history.
final class ResourceTable {
    let resource: ResourceType
    private(set) var objects: [String: StoredObject] = [:]
    private(set) var sortedKeys: [String] = []
    private(set) var history: [HistoryEntry] = []
    private var historyStart = 0
    /// Changes at or below this resourceVersion are no longer in the history (a watch from there gets 410).
    private(set) var compactedThrough: Int64 = 0
    let historyCapacity: Int

    init(resource: ResourceType, historyCapacity: Int) {
        self.resource = resource
        self.historyCapacity = historyCapacity
    }

    var count: Int { objects.count }

    func put(_ key: String, _ stored: StoredObject, type: WatchEventType) {
        if objects.updateValue(stored, forKey: key) == nil {
            sortedKeys.insert(key, at: insertionIndex(of: key))
        }
        record(HistoryEntry(type: type, stored: stored))
    }

    func remove(_ key: String, finalState: StoredObject) {
        guard objects.removeValue(forKey: key) != nil else { return }
        let index = insertionIndex(of: key)
        if index < sortedKeys.count, sortedKeys[index] == key { sortedKeys.remove(at: index) }
        record(HistoryEntry(type: .deleted, stored: finalState))
    }

    /// The index of the first key not less than `key`.
    func insertionIndex(of key: String) -> Int {
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let mid = (low + high) / 2
            if sortedKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Changes after `resourceVersion`, or nil when that version has been compacted away.
    func changes(after resourceVersion: Int64) -> [HistoryEntry]? {
        guard resourceVersion >= compactedThrough else { return nil }
        let live = history[historyStart...]
        guard let first = live.firstIndex(where: { $0.stored.resourceVersion > resourceVersion }) else { return [] }
        return Array(live[first...])
    }

    /// Drops the whole history (an etcd compaction): watches from any earlier version now get 410 Expired.
    func compact(through resourceVersion: Int64) {
        history.removeAll()
        historyStart = 0
        compactedThrough = max(compactedThrough, resourceVersion)
    }

    private func record(_ entry: HistoryEntry) {
        history.append(entry)
        if history.count - historyStart > historyCapacity {
            compactedThrough = history[historyStart].stored.resourceVersion
            historyStart += 1
            if historyStart > historyCapacity {
                history.removeFirst(historyStart)
                historyStart = 0
            }
        }
    }
}
