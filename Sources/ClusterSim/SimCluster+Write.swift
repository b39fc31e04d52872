import Foundation

/// create, update (PUT), patch and delete, with `dryRun=All`, resourceVersion preconditions and subresource rules.
extension SimCluster {
    func create(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        let json = try request.bodyJSON(for: path.resource)
        try checkFields(json, request, path.resource)
        return try create(json, request, path, manager: fieldManager(request))
    }

    /// Creates an object from its JSON form; a `manager` is recorded as the owner of every field it set.
    func create(_ body: JSONValue, _ request: APIRequest, _ path: ResourcePath, manager: String?) throws(APIError)
        -> APIResponse
    {
        var json = body
        var object = try ObjectTypes.decode(json, as: path.resource)
        if let manager {
            var managers = FieldManagers(nil)
            managers.recordUpdate(
                by: manager, apiVersion: path.resource.apiVersion, time: world.timestamp, old: nil, new: json)
            object.metadata.managedFields = managers.entries
        }
        if let namespace = path.namespace {
            if let given = object.metadata.namespace, given != namespace {
                throw .badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request")
            }
            object.metadata.namespace = namespace
        }
        if var pod = object as? Pod {
            pod.status = PodStatus(phase: "Pending", qosClass: world.qosClass(pod.spec))
            object = pod
        }
        json = JSONValue.null
        if request.isDryRun {
            if var pod = object as? Pod {
                pod.spec.applyAdmissionDefaults()
                try world.admit(&pod)
                object = pod
            }
            let errors = object.validationErrors()
            guard errors.isEmpty else {
                throw .invalid(
                    kind: path.resource.kind, name: object.metadata.name ?? "", causes: errors,
                    group: path.resource.group)
            }
            if world.store.stored(path.resource, object.storeKey) != nil {
                throw .alreadyExists(path.resource, object.metadata.name ?? "")
            }
            let preview = StoredObject(
                object: object, json: try encode(object), resourceVersion: world.store.resourceVersion)
            return self.object(201, preview, path.resource, request: request)
        }
        let created = try world.store.create(object)
        guard let stored = world.store.stored(path.resource, created.storeKey) else {
            throw .internalError("created object vanished")
        }
        return self.object(201, stored, path.resource, request: request)
    }

    func patch(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        let contentType = request.header("Content-Type") ?? ""
        if contentType.hasPrefix(Self.applyContentType), path.subresource == nil { return try apply(request, path) }
        guard let kind = PatchKind(contentType: contentType) else { throw .unsupportedMediaType(contentType) }
        if path.subresource == "scale" { return try patchScale(request, path, kind: kind) }
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            throw .notFound(path.resource, path.name ?? "")
        }
        let current = try ObjectTypes.json(stored, path.resource)
        let patched: JSONValue
        do { patched = try current.applyingPatch(Data(request.body), kind: kind) } catch {
            throw .badRequest(error.description)
        }
        if kind != .json, let body = try? JSONValue(parsing: Data(request.body)) {
            try checkFields(body, request, path.resource)
        }
        return try commit(patched, over: stored, path, request)
    }

    func replace(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        if path.subresource == "scale" {
            return try patchScale(request, path, kind: .merge)
        }
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            throw .notFound(path.resource, path.name ?? "")
        }
        let body = try request.bodyJSON(for: path.resource)
        try checkFields(body, request, path.resource)
        return try commit(body, over: stored, path, request)
    }

    /// Applies a new full JSON form of an object, keeping what the subresource may not change.
    func commit(
        _ proposed: JSONValue, over stored: StoredObject, _ path: ResourcePath, _ request: APIRequest,
        recordsUpdate: Bool = true
    ) throws(APIError) -> APIResponse {
        let old = try ObjectTypes.json(stored, path.resource)
        var merged: JSONValue
        switch path.subresource {
        case "status": merged = old.setting("status", proposed["status"])
        case "resize": merged = try resized(old, proposed, name: path.name ?? "")
        default: merged = proposed.setting("status", old["status"])
        }
        if let proposedVersion = proposed[path: ["metadata", "resourceVersion"]]?.stringValue, !proposedVersion.isEmpty,
            proposedVersion != String(stored.resourceVersion)
        {
            throw .conflict(path.resource, path.name ?? "")
        }
        var object = try ObjectTypes.decode(merged, as: path.resource)
        let oldMeta = stored.metadata
        object.metadata.name = oldMeta.name
        object.metadata.namespace = oldMeta.namespace
        object.metadata.uid = oldMeta.uid
        object.metadata.creationTimestamp = oldMeta.creationTimestamp
        object.metadata.deletionTimestamp = oldMeta.deletionTimestamp
        object.metadata.generation = oldMeta.generation
        if path.subresource != nil {
            object.metadata.managedFields = oldMeta.managedFields
        } else if recordsUpdate {
            var managers = FieldManagers(oldMeta.managedFields)
            managers.recordUpdate(
                by: fieldManager(request), apiVersion: path.resource.apiVersion, time: world.timestamp, old: old,
                new: merged)
            object.metadata.managedFields = managers.entries.isEmpty ? nil : managers.entries
        }
        if var secret = object as? Secret {
            secret.foldStringData()
            object = secret
        }
        let specChanged = old["spec"] != merged["spec"]
        if path.resource == .pods, specChanged, path.subresource == nil {
            try checkPodSpecUpdate(old: old, new: merged, name: path.name ?? "")
        }
        if specChanged, path.subresource != "status" {
            object.metadata.generation = (oldMeta.generation ?? 1) + 1
        }
        let errors = object.validationErrors()
        guard errors.isEmpty else {
            throw .invalid(kind: path.resource.kind, name: path.name ?? "", causes: errors, group: path.resource.group)
        }
        if request.isDryRun {
            return self.object(
                200, StoredObject(object: object, json: try encode(object), resourceVersion: stored.resourceVersion),
                path.resource, request: request)
        }
        let updated = try world.store.update(object)
        guard let result = world.store.stored(path.resource, updated.storeKey) else {
            throw .internalError("updated object vanished")
        }
        return self.object(200, result, path.resource, request: request)
    }

    /// The resize subresource may change only containers' `resources`, and never the pod's QoS class.
    private func resized(_ old: JSONValue, _ proposed: JSONValue, name: String) throws(APIError) -> JSONValue {
        guard let oldContainers = old[path: ["spec", "containers"]]?.arrayValue,
            let newContainers = proposed[path: ["spec", "containers"]]?.arrayValue
        else { return old }
        let updated: [JSONValue] = oldContainers.map { container in
            guard let match = newContainers.first(where: { $0["name"] == container["name"] }) else { return container }
            return container.setting("resources", match["resources"])
        }
        let spec = (old["spec"] ?? .object([:])).setting("containers", .array(updated))
        let result = old.setting("spec", spec)
        if let before = try? old.decode(as: Pod.self), let after = try? result.decode(as: Pod.self),
            world.qosClass(before.spec) != world.qosClass(after.spec)
        {
            throw .invalid(
                kind: "Pod", name: name,
                causes: [
                    FieldError(
                        reason: "FieldValueInvalid",
                        message:
                            "Invalid value: \"\(world.qosClass(after.spec))\": Pod QOS Class may not change as a result of resizing",
                        field: "spec.containers[0].resources")
                ])
        }
        return result
    }

    /// A running pod's spec is immutable through the main resource except images and tolerations.
    private func checkPodSpecUpdate(old: JSONValue, new: JSONValue, name: String) throws(APIError) {
        func stripped(_ spec: JSONValue?) -> JSONValue? {
            guard var spec, let containers = spec["containers"]?.arrayValue else { return spec }
            spec = spec.setting("containers", .array(containers.map { $0.setting("image", nil) })).setting(
                "tolerations", nil)
            return spec
        }
        guard stripped(old["spec"]) == stripped(new["spec"]) else {
            throw .invalid(
                kind: "Pod", name: name,
                causes: [
                    FieldError(
                        reason: "FieldValueForbidden",
                        message:
                            "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
                        field: "spec")
                ])
        }
    }

    func delete(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            throw .notFound(path.resource, path.name ?? "")
        }
        let options = (try? JSONValue(parsing: Data(request.body))) ?? .object([:])
        if let uid = options[path: ["preconditions", "uid"]]?.stringValue, uid != stored.metadata.uid {
            throw APIError(
                code: 409, reason: "Conflict",
                message:
                    "Operation cannot be fulfilled on \(path.resource.plural) \"\(path.name ?? "")\": Precondition failed: UID in precondition: \(uid), UID in object meta: \(stored.metadata.uid ?? "")",
                details: .init(name: path.name, kind: path.resource.plural))
        }
        let dryRun = request.isDryRun || options["dryRun"]?.arrayValue?.contains(.string("All")) == true
        let grace = Int64(request.query["gracePeriodSeconds"] ?? "") ?? options["gracePeriodSeconds"]?.intValue
        if path.resource == .pods {
            if !dryRun {
                if grace == 0 {
                    world.store.remove(.pods, key)
                } else {
                    world.deletePodGracefully(key, gracePeriod: grace)
                }
            }
            let result = world.store.stored(.pods, key) ?? stored
            return object(200, result, .pods, request: request)
        }
        if !dryRun { world.store.remove(path.resource, key) }
        var status = StatusBody(successCode: 200)
        status.details = APIError.Details(
            name: path.name, group: path.resource.group.isEmpty ? nil : path.resource.group, kind: path.resource.plural)
        return .json(200, ObjectRendering.encode(status))
    }

    /// `fieldValidation=Strict`: a field the resource's schema does not declare is a 400.
    private func checkFields(_ body: JSONValue, _ request: APIRequest, _ resource: ResourceType) throws(APIError) {
        guard request.query["fieldValidation"] == "Strict" else { return }
        let unknown = UnknownFields.find(in: body, as: resource)
        if !unknown.isEmpty { throw UnknownFields.error(unknown, resource: resource) }
    }

    func encode(_ object: any SimObject) throws(APIError) -> [UInt8] {
        do { return try world.store.encode(object) } catch { throw .internalError("encoding: \(error)") }
    }
}
