/// An object as stored: the typed value and its JSON encoding (without `kind`/`apiVersion`, as list items are served).
struct StoredObject: Sendable {
    var object: any SimObject
    var json: [UInt8]
    var resourceVersion: Int64

    var metadata: ObjectMeta { object.metadata }

    /// The encoding with `metadata.resourceVersion` replaced, for the DELETED state of an object whose encoding is
    /// known to start with its metadata (a `JSONWritable` one); nil otherwise. Metadata is the first member, and in it
    /// `resourceVersion` comes after four plain strings, whose quotes are escaped: the first `"resourceVersion":"` in
    /// the bytes is the object's own.
    func json(withResourceVersion version: Int64) -> [UInt8]? {
        guard object is any JSONWritable else { return nil }
        let marker = Array(#""resourceVersion":""#.utf8)
        guard let start = json.firstRange(of: marker)?.upperBound,
            let end = json[start...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return Array(json[..<start]) + Array(String(version).utf8) + Array(json[end...])
    }

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

/// The objects of one resource, kept sorted by key for paginated lists, indexed by controller owner, with a bounded
/// change history.
final class ResourceTable {
    let resource: ResourceType
    private(set) var objects: [String: StoredObject] = [:]
    private(set) var sortedKeys = SortedKeys()
    /// Keys by the uid of their controller owner.
    private(set) var byOwner: [String: Set<String>] = [:]
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

    /// Stores `stored` under `key` and returns what it replaced.
    @discardableResult
    func put(_ key: String, _ stored: StoredObject, type: WatchEventType) -> StoredObject? {
        let old = objects.updateValue(stored, forKey: key)
        let owner = stored.metadata.controller?.uid
        if let old {
            // Most writes keep the owner: the index is then left as it is.
            let oldOwner = old.metadata.controller?.uid
            if oldOwner != owner {
                unindexOwner(of: old, key: key)
                if let owner { byOwner[owner, default: []].insert(key) }
            }
        } else {
            sortedKeys.insert(key)
            if let owner { byOwner[owner, default: []].insert(key) }
        }
        record(HistoryEntry(type: type, stored: stored))
        return old
    }

    /// Removes `key`, recording `finalState` as its DELETED event, and returns what was stored.
    @discardableResult
    func remove(_ key: String, finalState: StoredObject) -> StoredObject? {
        guard let old = objects.removeValue(forKey: key) else { return nil }
        unindexOwner(of: old, key: key)
        sortedKeys.remove(key)
        record(HistoryEntry(type: .deleted, stored: finalState))
        return old
    }

    private func unindexOwner(of stored: StoredObject, key: String) {
        guard let owner = stored.metadata.controller?.uid else { return }
        byOwner[owner]?.remove(key)
        if byOwner[owner]?.isEmpty == true { byOwner.removeValue(forKey: owner) }
    }

    /// The index of the first key not less than `key`.
    func insertionIndex(of key: String) -> Int { sortedKeys.insertionIndex(of: key) }

    /// The keys from `prefix` up to the last key that starts with it, in order.
    func keys(withPrefix prefix: String) -> [String] {
        let start = insertionIndex(of: prefix)
        let end = insertionIndex(of: prefix + "\u{10FFFF}")
        return Array(sortedKeys[start..<end])
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
