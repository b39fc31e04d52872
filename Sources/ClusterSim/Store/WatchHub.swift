/// How a watch wants its objects: whole objects, or one-row `Table`s (what `kubectl get --watch` asks for).
enum WatchFormat: Sendable { case object, table }

/// One open watch stream.
final class Watcher {
    let id: Int
    let resource: ResourceType
    let filter: ObjectFilter
    let format: WatchFormat
    let allowsBookmarks: Bool
    let continuation: AsyncStream<StreamChunk>.Continuation
    var sentTableHeader = false
    /// Event lines not yet handed to the connection; sent together by `flush()` so a busy tick becomes one write.
    private var pending: [UInt8] = []

    init(
        id: Int, resource: ResourceType, filter: ObjectFilter, format: WatchFormat, allowsBookmarks: Bool,
        continuation: AsyncStream<StreamChunk>.Continuation
    ) {
        self.id = id
        self.resource = resource
        self.filter = filter
        self.format = format
        self.allowsBookmarks = allowsBookmarks
        self.continuation = continuation
    }

    /// Sends one event line.
    func send(_ type: WatchEventType, _ stored: StoredObject, now: Timestamp) {
        pending += eventLine(type, stored, now: now)
        if pending.count > 1 << 20 { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        continuation.yield(.data(pending))
        pending = []
    }

    func eventLine(_ type: WatchEventType, _ stored: StoredObject, now: Timestamp) -> [UInt8] {
        var line = Array("{\"type\":\"\(type.rawValue)\",\"object\":".utf8)
        switch format {
        case .object: line += ObjectRendering.objectJSON(stored, as: resource)
        case .table:
            line += TableRendering.table(
                resource: resource, rows: [stored], now: now, resourceVersion: stored.resourceVersion,
                continueToken: nil, includeColumns: !sentTableHeader)
            sentTableHeader = true
        }
        line += Array("}\n".utf8)
        return line
    }

    func sendBookmark(resourceVersion: Int64) {
        guard allowsBookmarks else { return }
        flush()
        let object =
            "{\"kind\":\"\(resource.kind)\",\"apiVersion\":\"\(resource.apiVersion)\",\"metadata\":{\"resourceVersion\":\"\(resourceVersion)\"}}"
        continuation.yield(.data(Array("{\"type\":\"BOOKMARK\",\"object\":\(object)}\n".utf8)))
    }

    func sendError(_ error: APIError) {
        flush()
        let status = (try? ObjectRendering.encoder.encode(StatusBody(error))).map(Array.init) ?? []
        continuation.yield(.data(Array("{\"type\":\"ERROR\",\"object\":".utf8) + status + Array("}\n".utf8)))
    }
}

/// Fans every stored change out to the watches that asked for it.
final class WatchHub {
    private var watchers: [Int: Watcher] = [:]
    private var nextID = 1

    var count: Int { watchers.count }

    func makeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    func add(_ watcher: Watcher) { watchers[watcher.id] = watcher }

    func remove(_ id: Int) { watchers.removeValue(forKey: id) }

    func publish(_ resource: ResourceType, _ type: WatchEventType, _ stored: StoredObject, now: Timestamp) {
        for watcher in watchers.values {
            let sameTable = watcher.resource == resource || (resource == .events && watcher.resource == .eventsV1)
            guard sameTable, watcher.filter.matches(stored.object) else { continue }
            watcher.send(type, stored, now: now)
        }
    }

    /// Hands every watch its buffered events.
    func flushAll() {
        for watcher in watchers.values { watcher.flush() }
    }

    func bookmarkAll(resourceVersion: Int64) {
        for watcher in watchers.values { watcher.sendBookmark(resourceVersion: resourceVersion) }
    }

    /// Ends every watch: `cut` drops the connections in the middle of a line, as a flapping network does.
    func endAll(cut: Bool) {
        for watcher in watchers.values {
            watcher.flush()
            if cut { watcher.continuation.yield(.cut(Array("{\"type\":\"MODIFIED\",\"object\":{\"kind\":".utf8))) }
            watcher.continuation.finish()
        }
        watchers.removeAll()
    }

    func end(_ id: Int) {
        guard let watcher = watchers.removeValue(forKey: id) else { return }
        watcher.flush()
        watcher.continuation.finish()
    }
}
