import Foundation

/// Server-side apply (`PATCH` with `application/apply-patch+yaml`) and the managed fields every API write records.
extension SimCluster {
    static let applyContentType = "application/apply-patch+yaml"

    func apply(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let manager = request.query["fieldManager"], !manager.isEmpty else {
            throw .invalid(
                kind: path.resource.kind, name: path.name ?? "",
                causes: [.required("fieldManager")], group: path.resource.group)
        }
        var config: JSONValue
        do { config = try JSONValue(parsing: Data(request.body)) } catch {
            throw .badRequest(
                "error decoding YAML: the simulator reads apply bodies written as JSON (kubectl sends JSON): \(error)")
        }
        guard config["kind"]?.stringValue == path.resource.kind else {
            throw .badRequest(
                "the kind in the applied object (\(config["kind"]?.stringValue ?? "none")) does not match the resource \(path.resource.plural)"
            )
        }
        let unknown = UnknownFields.find(in: config, as: path.resource)
        if !unknown.isEmpty {
            throw .badRequest(
                ".\(unknown.map { "\($0): field not declared in schema" }.joined(separator: ", ."))")
        }
        let applied = FieldSet(of: config)
        let time = world.timestamp
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            var managers = FieldManagers(nil)
            managers.set(manager, operation: "Apply", apiVersion: path.resource.apiVersion, time: time, fields: applied)
            config = config.setting(
                "metadata",
                (config["metadata"] ?? .object([:])).setting("namespace", path.namespace.map { .string($0) })
                    .setting("managedFields", try JSONValue.encoding(managers.entries)))
            return try create(config, request, path, manager: nil)
        }
        let live = try ObjectTypes.json(stored, path.resource)
        var managers = FieldManagers(stored.metadata.managedFields)
        let conflicts = managers.conflicts(applying: applied, by: manager, live: live, config: config)
        if !conflicts.isEmpty {
            guard request.query["force"] == "true" else { throw .applyConflict(conflicts) }
            managers.release(
                FieldSet(leaves: Set(conflicts.map(\.path))), except: manager, operation: "Apply")
        }
        var merged: JSONValue
        do {
            merged = try live.applyingStrategicMergePatch(
                config.setting("metadata", config["metadata"]?.setting("managedFields", nil)))
        } catch { throw .badRequest(error.description) }
        let others = managers.ownedByOthers(than: manager, operation: "Apply")
        for dropped in managers.owned(by: manager, operation: "Apply").subtracting(applied).subtracting(others).leaves {
            merged = FieldSet.removing(dropped, from: merged)
        }
        managers.set(manager, operation: "Apply", apiVersion: path.resource.apiVersion, time: time, fields: applied)
        merged = merged.setting(
            "metadata", (merged["metadata"] ?? .object([:])).setting("managedFields", try .encoding(managers.entries)))
        return try commit(merged, over: stored, path, request, recordsUpdate: false)
    }

    /// The manager a write is recorded under: `fieldManager`, else the client's name from its User-Agent.
    func fieldManager(_ request: APIRequest) -> String {
        if let manager = request.query["fieldManager"], !manager.isEmpty { return manager }
        let agent = request.header("User-Agent") ?? "unknown"
        return String(agent.split(separator: "/").first ?? "unknown")
    }
}

extension JSONValue {
    static func encoding<T: Encodable>(_ value: T) throws(APIError) -> JSONValue {
        do { return try JSONValue(encoding: value) } catch { throw .internalError("encoding: \(error)") }
    }
}
