import Foundation

/// GET, list (with pagination, selectors and resourceVersion rules) and watch.
extension SimCluster {
    func get(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            throw .notFound(path.resource, path.name ?? "")
        }
        return object(200, stored, path.resource, request: request)
    }

    func list(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let table = world.store.table(path.resource) else { throw .pathNotFound() }
        let filter = try ObjectFilter(
            namespace: path.namespace, labelSelector: request.query["labelSelector"],
            fieldSelector: request.query["fieldSelector"], resource: path.resource)
        let limit = Int(request.query["limit"] ?? "") ?? 0
        let current = world.store.resourceVersion
        var listVersion = current
        var start = 0
        if let token = request.query["continue"], !token.isEmpty {
            guard request.query["resourceVersion"].map({ $0.isEmpty || $0 == "0" }) ?? true else {
                throw .badRequest("specifying resource version is not allowed when using continue")
            }
            guard let decoded = ContinueToken(encoded: token) else {
                throw .badRequest(
                    "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
            }
            guard decoded.resourceVersion >= table.compactedThrough else {
                throw .expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."
                )
            }
            listVersion = decoded.resourceVersion
            start = table.insertionIndex(of: decoded.startKey)
        } else if let version = request.query["resourceVersion"], !version.isEmpty, version != "0" {
            guard let number = Int64(version) else {
                throw .badRequest("resourceVersion: Invalid value: \"\(version)\": must be a number")
            }
            if number > current {
                throw APIError(
                    code: 504, reason: "Timeout", message: "Too large resource version: \(number), current: \(current)",
                    details: .init(
                        causes: [.init(reason: "ResourceVersionTooLarge", message: "Too large resource version")],
                        retryAfterSeconds: 1))
            }
            if request.query["resourceVersionMatch"] == "Exact", number < table.compactedThrough {
                throw .expired("The resourceVersion for the provided list is too old.")
            }
        }
        let keys = table.sortedKeys
        let prefix = path.namespace.map { $0 + "/" }
        let end = prefix.map { table.insertionIndex(of: $0 + "\u{10FFFF}") } ?? keys.count
        if let prefix { start = max(start, table.insertionIndex(of: prefix)) }
        var items: [StoredObject] = []
        var index = start
        while index < end, limit == 0 || items.count < limit {
            if let stored = table.objects[keys[index]], filter.matches(stored.object) { items.append(stored) }
            index += 1
        }
        var token: String?
        var remaining: Int?
        if index < end, limit > 0 {
            token = ContinueToken(resourceVersion: listVersion, startKey: keys[index - 1] + "\u{0}").encoded
            remaining = filter.labels.isEmpty && filter.fields.isEmpty ? end - index : nil
        }
        if request.wantsTable {
            return .json(
                200,
                TableRendering.table(
                    resource: path.resource, rows: items, now: world.timestamp, resourceVersion: listVersion,
                    continueToken: token, remaining: remaining))
        }
        return .json(
            200,
            ObjectRendering.list(
                resource: path.resource, items: items, resourceVersion: listVersion, continueToken: token,
                remaining: remaining))
    }

    func watch(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let table = world.store.table(path.resource) else { throw .pathNotFound() }
        let filter = try ObjectFilter(
            namespace: path.namespace, labelSelector: request.query["labelSelector"],
            fieldSelector: request.query["fieldSelector"], resource: path.resource)
        let (stream, continuation) = AsyncStream<StreamChunk>.makeStream(bufferingPolicy: .unbounded)
        let hub = world.store.hub
        let watcher = Watcher(
            id: hub.makeID(), resource: path.resource, filter: filter, format: request.wantsTable ? .table : .object,
            allowsBookmarks: request.query["allowWatchBookmarks"] == "true", continuation: continuation)
        let now = world.timestamp
        let version = request.query["resourceVersion"] ?? ""
        let sendInitial = request.query["sendInitialEvents"] == "true"
        if version.isEmpty || version == "0" || sendInitial {
            for key in table.sortedKeys {
                if let stored = table.objects[key], filter.matches(stored.object) {
                    watcher.send(.added, stored, now: now)
                }
            }
            if sendInitial {
                watcher.flush()
                let marker =
                    "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"\(path.resource.kind)\",\"apiVersion\":\"\(path.resource.apiVersion)\",\"metadata\":{\"resourceVersion\":\"\(world.store.resourceVersion)\",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}}}}\n"
                continuation.yield(.data(Array(marker.utf8)))
            }
        } else {
            guard let number = Int64(version) else {
                throw .badRequest("resourceVersion: Invalid value: \"\(version)\": must be a number")
            }
            guard let changes = table.changes(after: number) else {
                watcher.sendError(.expired("too old resource version: \(number) (\(table.compactedThrough))"))
                watcher.flush()
                continuation.finish()
                return .stream(headers: [("Content-Type", "application/json")], chunks: stream)
            }
            for change in changes where filter.matches(change.stored.object) {
                watcher.send(change.type, change.stored, now: now)
            }
        }
        watcher.flush()
        hub.add(watcher)
        let id = watcher.id
        continuation.onTermination = { [weak self] _ in
            Task { await self?.endWatch(id) }
        }
        if let seconds = Int(request.query["timeoutSeconds"] ?? ""), seconds > 0 {
            Task { [weak self] in
                try? await Task.sleep(for: .seconds(seconds))
                await self?.endWatch(id)
            }
        }
        return .stream(headers: [("Content-Type", "application/json")], chunks: stream)
    }

    func endWatch(_ id: Int) { world.store.hub.end(id) }
}

/// A list continuation token in the real server's form: base64 of `{"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}`.
struct ContinueToken: Codable, Equatable {
    let v: String
    let rv: Int64
    let start: String

    var resourceVersion: Int64 { rv }
    var startKey: String { start }

    init(resourceVersion: Int64, startKey: String) {
        v = "meta.k8s.io/v1"
        rv = resourceVersion
        start = startKey
    }

    init?(encoded: String) {
        var text = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text),
            let token = try? JSONDecoder().decode(ContinueToken.self, from: data)
        else { return nil }
        self = token
    }

    var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        ).replacingOccurrences(of: "=", with: "")
    }
}
