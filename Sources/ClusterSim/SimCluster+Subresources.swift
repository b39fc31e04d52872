import Foundation

/// The scale and eviction subresources, and the access reviews.
extension SimCluster {
    private struct Scale: Codable {
        struct Meta: Codable {
            var name: String?
            var namespace: String?
            var uid: String?
            var resourceVersion: String?
            var creationTimestamp: Timestamp?
        }
        struct Spec: Codable { var replicas: Int32? }
        struct Status: Codable {
            var replicas: Int32
            var selector: String?
        }
        var kind = "Scale"
        var apiVersion = "autoscaling/v1"
        var metadata: Meta
        var spec: Spec
        var status: Status
    }

    private func scaleObject(_ stored: StoredObject) throws(APIError) -> Scale {
        let meta = Scale.Meta(
            name: stored.metadata.name, namespace: stored.metadata.namespace, uid: stored.metadata.uid,
            resourceVersion: String(stored.resourceVersion), creationTimestamp: stored.metadata.creationTimestamp)
        switch stored.object {
        case let d as Deployment:
            return Scale(
                metadata: meta, spec: .init(replicas: d.spec.replicas),
                status: .init(replicas: d.status.replicas ?? 0, selector: d.spec.selector.text))
        case let r as ReplicaSet:
            return Scale(
                metadata: meta, spec: .init(replicas: r.spec.replicas),
                status: .init(replicas: r.status.replicas, selector: r.spec.selector.text))
        case let s as StatefulSet:
            return Scale(
                metadata: meta, spec: .init(replicas: s.spec.replicas),
                status: .init(replicas: s.status.replicas, selector: s.spec.selector.text))
        default: throw .pathNotFound()
        }
    }

    func scale(_ path: ResourcePath) throws(APIError) -> APIResponse {
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            throw .notFound(path.resource, path.name ?? "")
        }
        return .json(200, ObjectRendering.encode(try scaleObject(stored)))
    }

    func patchScale(_ request: APIRequest, _ path: ResourcePath, kind: PatchKind) throws(APIError) -> APIResponse {
        guard let key = path.key, let stored = world.store.stored(path.resource, key) else {
            throw .notFound(path.resource, path.name ?? "")
        }
        let current: JSONValue
        do { current = try JSONValue(encoding: try scaleObject(stored)) } catch { throw .internalError("\(error)") }
        let patched: JSONValue
        if request.method == "PUT" {
            do { patched = try JSONValue(parsing: Data(request.body)) } catch {
                throw .badRequest("error decoding request body: \(error)")
            }
        } else {
            do { patched = try current.applyingPatch(Data(request.body), kind: kind) } catch {
                throw .badRequest(error.description)
            }
        }
        // A PUT or a patch that carries a resourceVersion is refused when the object changed since (as for objects).
        if let version = patched[path: ["metadata", "resourceVersion"]]?.stringValue, !version.isEmpty,
            version != String(stored.resourceVersion)
        {
            throw .conflict(path.resource, path.name ?? "")
        }
        guard let replicas = patched[path: ["spec", "replicas"]]?.intValue, replicas >= 0, replicas <= Int64(Int32.max)
        else {
            throw .invalid(
                kind: "Scale", name: path.name ?? "",
                causes: [
                    FieldError(
                        reason: "FieldValueInvalid", message: "Invalid value: must be greater than or equal to 0",
                        field: "spec.replicas")
                ],
                group: "autoscaling")
        }
        var object = stored.object
        switch object {
        case var d as Deployment:
            d.spec.replicas = Int32(replicas)
            object = d
        case var r as ReplicaSet:
            r.spec.replicas = Int32(replicas)
            object = r
        case var s as StatefulSet:
            s.spec.replicas = Int32(replicas)
            object = s
        default: throw .pathNotFound()
        }
        object.metadata.generation = (object.metadata.generation ?? 1) + 1
        if request.isDryRun {
            var preview = try scaleObject(stored)
            preview.spec.replicas = Int32(replicas)
            return .json(200, ObjectRendering.encode(preview))
        }
        let updated = try world.store.update(object)
        guard let result = world.store.stored(path.resource, updated.storeKey) else {
            throw .internalError("scaled object vanished")
        }
        return .json(200, ObjectRendering.encode(try scaleObject(result)))
    }

    /// policy/v1 Eviction: honours PodDisruptionBudgets (429 when none allows it), then deletes gracefully.
    func evict(_ request: APIRequest, _ path: ResourcePath) throws(APIError) -> APIResponse {
        guard path.resource == .pods, let key = path.key else { throw .methodNotAllowed() }
        let body = (try? JSONValue(parsing: Data(request.body))) ?? .object([:])
        guard let pod = world.store.get(Pod.self, key) else { throw .notFound(.pods, path.name ?? "") }
        if let uid = body[path: ["deleteOptions", "preconditions", "uid"]]?.stringValue, uid != pod.metadata.uid {
            throw .conflict(.pods, path.name ?? "")
        }
        let dryRun =
            request.isDryRun || body[path: ["deleteOptions", "dryRun"]]?.arrayValue?.contains(.string("All")) == true
        let grace = body[path: ["deleteOptions", "gracePeriodSeconds"]]?.intValue
        let success = APIResponse.json(201, ObjectRendering.encode(StatusBody(successCode: 201)))
        let skipsBudget =
            pod.metadata.deletionTimestamp != nil
            || ["Pending", "Succeeded", "Failed"].contains(pod.status.phase ?? "Pending")
        if !skipsBudget {
            let budgets = world.store.all(PodDisruptionBudget.self).filter {
                $0.metadata.namespace == pod.metadata.namespace
                    && ($0.spec.selector?.matches(pod.metadata.labels) ?? false)
            }
            if budgets.count > 1 {
                throw .internalError(
                    "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
            }
            if let budget = budgets.first {
                let healthy = world.isReady(pod)
                let unhealthyAllowed =
                    !healthy
                    && (budget.spec.unhealthyPodEvictionPolicy == "AlwaysAllow"
                        || budget.status.currentHealthy >= budget.status.desiredHealthy)
                if !unhealthyAllowed {
                    if (budget.status.observedGeneration ?? 0) < (budget.metadata.generation ?? 0) {
                        throw .disruptionBudgetPending(budget.metadata.name ?? "")
                    }
                    guard budget.status.disruptionsAllowed > 0 else {
                        throw .disruptionBudget(
                            budget.metadata.name ?? "", needs: budget.status.desiredHealthy,
                            has: budget.status.currentHealthy)
                    }
                    if !dryRun {
                        world.store.modify(PodDisruptionBudget.self, budget.storeKey) { pdb in
                            pdb.status.disruptionsAllowed -= 1
                            pdb.status.disruptedPods = (pdb.status.disruptedPods ?? [:]).merging([
                                pod.metadata.name ?? "": world.timestamp
                            ]) { $1 }
                            return true
                        }
                    }
                }
            }
        }
        if !dryRun {
            world.deletePodGracefully(
                key, gracePeriod: grace,
                condition: PodCondition(
                    type: "DisruptionTarget", status: "True", reason: "EvictionByEvictionAPI",
                    message: "Eviction API: evicting", lastTransitionTime: world.timestamp))
        }
        return success
    }

    func accessReview(_ request: APIRequest, user: SimUser) throws(APIError) -> APIResponse {
        guard request.method == "POST" else { throw .methodNotAllowed() }
        let body = try request.bodyJSON(for: .selfSubjectAccessReviews)
        guard let spec = body["spec"], spec["resourceAttributes"] != nil || spec["nonResourceAttributes"] != nil else {
            throw .invalid(
                kind: "SelfSubjectAccessReview", name: "",
                causes: [
                    FieldError(
                        reason: "FieldValueRequired",
                        message:
                            "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified",
                        field: "spec.resourceAttributes")
                ],
                group: "authorization.k8s.io")
        }
        let attributes = spec["resourceAttributes"]
        let verb = attributes?["verb"]?.stringValue ?? spec[path: ["nonResourceAttributes", "verb"]]?.stringValue ?? ""
        let allowed: Bool
        if let attributes, let plural = attributes["resource"]?.stringValue {
            let group = attributes["group"]?.stringValue ?? ""
            let resource = ResourceType.stored.first { $0.plural == plural && $0.group == group }
            allowed = resource.map { user.may(verb, $0) } ?? (user.isAdmin || ["get", "list", "watch"].contains(verb))
        } else {
            allowed = user.isAdmin || ["get", "list", "watch"].contains(verb)
        }
        var status: [String: JSONValue] = ["allowed": .bool(allowed)]
        if user.isAdmin { status["reason"] = .string("allowed by group \"system:masters\"") }
        let response: JSONValue = .object([
            "kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1",
            "metadata": .object([:]), "spec": spec, "status": .object(status),
        ])
        return .json(201, Array(response.encoded()))
    }

    func selfReview(user: SimUser) -> APIResponse {
        let response: JSONValue = .object([
            "kind": "SelfSubjectReview", "apiVersion": "authentication.k8s.io/v1", "metadata": .object([:]),
            "status": .object([
                "userInfo": .object([
                    "username": .string(user.name),
                    "groups": .array(user.groups.map { .string($0) }),
                ])
            ]),
        ])
        return .json(201, Array(response.encoded()))
    }
}
