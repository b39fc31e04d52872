import Foundation

/// Which Swift type holds each stored resource, and JSON conversions between the two.
enum ObjectTypes {
    static func type(for resource: ResourceType) -> (any SimObject.Type)? {
        switch resource {
        case .pods: Pod.self
        case .nodes: Node.self
        case .namespaces: Namespace.self
        case .events: Event.self
        case .deployments: Deployment.self
        case .replicaSets: ReplicaSet.self
        case .daemonSets: DaemonSet.self
        case .statefulSets: StatefulSet.self
        case .jobs: Job.self
        case .cronJobs: CronJob.self
        case .podDisruptionBudgets: PodDisruptionBudget.self
        case .configMaps: ConfigMap.self
        case .secrets: Secret.self
        case .resourceQuotas: ResourceQuota.self
        case .limitRanges: LimitRange.self
        case .priorityClasses: PriorityClass.self
        case .controllerRevisions: ControllerRevision.self
        default: nil
        }
    }

    /// Decodes an object of the resource's type from JSON, as a 400 Status when it does not fit.
    static func decode(_ json: JSONValue, as resource: ResourceType) throws(APIError) -> any SimObject {
        guard let type = type(for: resource) else { throw .methodNotAllowed() }
        do {
            return try json.decode(as: type)
        } catch {
            throw .badRequest(
                "\(resource.kind) in version \"\(resource.version)\" cannot be handled as a \(resource.kind): \(error)")
        }
    }

    static func json(_ stored: StoredObject, _ resource: ResourceType) throws(APIError) -> JSONValue {
        do { return try JSONValue(parsing: Data(stored.jsonWithKind(resource))) } catch {
            throw .internalError("stored object is not JSON: \(error)")
        }
    }
}

extension JSONValue {
    /// A copy with one top-level key set (or removed when `value` is nil).
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
