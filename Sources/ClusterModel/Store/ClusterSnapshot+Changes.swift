extension ClusterSnapshot {
    /// Replaces every object of `resource` (a relist) and rebuilds the indexes over it.
    mutating func replace<T: StoredObject>(_ resource: ResourceKind, with objects: [ObjectKey: T]) {
        guard let path = Self.writablePath(T.self, resource) else { return }
        self[keyPath: path] = objects
        switch resource {
        case .pods:
            podsByNode.removeAll()
            podsByController.removeAll()
            nodeTotals.removeAll()
            for pod in pods.values { index(pod) }
        case .replicaSets:
            replicaSetsByController.removeAll()
            for replicaSet in replicaSets.values { index(replicaSet: replicaSet) }
        case .jobs:
            jobsByController.removeAll()
            for job in jobs.values {
                jobsByController.insert(job.key, under: Self.owner(job.controller, job.namespace))
            }
        case .controllerRevisions:
            revisionsByController.removeAll()
            for revision in controllerRevisions.values {
                revisionsByController.insert(revision.key, under: Self.owner(revision.controller, revision.namespace))
            }
        default:
            break
        }
    }

    private static func owner(_ ref: OwnerRef?, _ namespace: String) -> OwnerKey? {
        ref.map { OwnerKey($0, namespace: namespace) }
    }

    /// Adds or replaces one object of `resource`, moving it in the indexes.
    mutating func upsert<T: StoredObject>(_ object: T, as resource: ResourceKind) {
        guard let path = Self.writablePath(T.self, resource) else { return }
        let old = self[keyPath: path].updateValue(object, forKey: object.key)
        reindex(resource, removing: old, adding: object)
    }

    /// Removes the object of `resource` with `object`'s key, and drops it from the indexes.
    mutating func remove<T: StoredObject>(_ object: T, as resource: ResourceKind) {
        guard let path = Self.writablePath(T.self, resource) else { return }
        let old = self[keyPath: path].removeValue(forKey: object.key)
        reindex(resource, removing: old, adding: nil)
    }

    private static func writablePath<T: StoredObject>(_ type: T.Type, _ resource: ResourceKind) -> WritableKeyPath<
        ClusterSnapshot, [ObjectKey: T]
    >? {
        T.storage(for: resource) as? WritableKeyPath<ClusterSnapshot, [ObjectKey: T]>
    }

    private mutating func reindex<T: StoredObject>(_ resource: ResourceKind, removing old: T?, adding new: T?) {
        switch resource {
        case .pods:
            if let pod = old as? PodSummary { unindex(pod) }
            if let pod = new as? PodSummary { index(pod) }
        case .replicaSets:
            if let replicaSet = old as? WorkloadSummary { unindex(replicaSet: replicaSet) }
            if let replicaSet = new as? WorkloadSummary { index(replicaSet: replicaSet) }
        case .jobs:
            if let job = old as? JobSummary {
                jobsByController.remove(job.key, under: Self.owner(job.controller, job.namespace))
            }
            if let job = new as? JobSummary {
                jobsByController.insert(job.key, under: Self.owner(job.controller, job.namespace))
            }
        case .controllerRevisions:
            if let revision = old as? RevisionSummary {
                revisionsByController.remove(revision.key, under: Self.owner(revision.controller, revision.namespace))
            }
            if let revision = new as? RevisionSummary {
                revisionsByController.insert(revision.key, under: Self.owner(revision.controller, revision.namespace))
            }
        default:
            break
        }
    }

    private mutating func index(_ pod: PodSummary) {
        podsByController.insert(pod.key, under: pod.controller.map { OwnerKey($0, namespace: pod.namespace) })
        guard let node = pod.nodeName else { return }
        podsByNode.insert(pod.key, under: node)
        let share = PodTotals(pod)
        if share != .zero { nodeTotals[node, default: .zero] += share }
    }

    private mutating func unindex(_ pod: PodSummary) {
        podsByController.remove(pod.key, under: pod.controller.map { OwnerKey($0, namespace: pod.namespace) })
        guard let node = pod.nodeName else { return }
        podsByNode.remove(pod.key, under: node)
        let share = PodTotals(pod)
        guard share != .zero, let totals = nodeTotals[node] else { return }
        let left = totals - share
        nodeTotals[node] = left == .zero ? nil : left
    }

    private mutating func index(replicaSet: WorkloadSummary) {
        replicaSetsByController.insert(
            replicaSet.key, under: replicaSet.controller.map { OwnerKey($0, namespace: replicaSet.namespace) })
    }

    private mutating func unindex(replicaSet: WorkloadSummary) {
        replicaSetsByController.remove(
            replicaSet.key, under: replicaSet.controller.map { OwnerKey($0, namespace: replicaSet.namespace) })
    }
}
