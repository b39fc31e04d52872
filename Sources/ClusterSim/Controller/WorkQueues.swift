/// What changed in the store since each change-driven controller last looked, filled from the store's writes.
/// Each controller takes its own queue, so one write can wake several controllers.
struct WorkQueues {
    /// Workload controllers to reconcile, by resource and key: the written object itself and its controller owner.
    private(set) var owners: [ResourceType: Set<String>] = [:]
    /// Pods the kubelet must look at again (written or removed).
    private(set) var pods = Set<String>()
    /// Nodes the node lifecycle controller must look at again.
    private(set) var nodesForLifecycle = Set<String>()
    /// Nodes whose objects the kubelet's cached view must refresh (their pods wake too).
    private(set) var nodesForKubelet = Set<String>()
    /// Set when any node was written: DaemonSets and the scheduler's node capacities depend on every node.
    var nodesChangedForDaemonSets = false
    var nodesChangedForScheduler = false
    /// Namespaces whose pods changed, and budgets written: the disruption budgets to recompute.
    private(set) var podNamespaces = Set<String>()
    private(set) var budgets = Set<String>()
    /// The uids of the workload controllers that exist, for garbage collection.
    private(set) var liveControllers = Set<String>()
    /// Set when an owner disappeared or an object was written with an owner that does not exist.
    var mayHaveOrphans = false

    static let controllerKinds: [String: ResourceType] = [
        "Deployment": .deployments, "ReplicaSet": .replicaSets, "DaemonSet": .daemonSets,
        "StatefulSet": .statefulSets, "Job": .jobs, "CronJob": .cronJobs,
    ]

    /// Routes one store change to the queues that care.
    mutating func record(_ resource: ResourceType, _ key: String, old: (any SimObject)?, new: (any SimObject)?) {
        switch resource {
        case .pods:
            pods.insert(key)
            if let namespace = (new ?? old)?.metadata.namespace { podNamespaces.insert(namespace) }
        case .nodes:
            nodesForLifecycle.insert(key)
            nodesForKubelet.insert(key)
            nodesChangedForDaemonSets = true
            nodesChangedForScheduler = true
        case .podDisruptionBudgets:
            budgets.insert(key)
        case .deployments, .replicaSets, .daemonSets, .statefulSets, .jobs, .cronJobs:
            queueOwner(resource, key)
            if let uid = new?.metadata.uid {
                liveControllers.insert(uid)
            } else if let uid = old?.metadata.uid {
                liveControllers.remove(uid)
                mayHaveOrphans = true
            }
        default:
            break
        }
        // The owner before and after (the same one, most often: then it is queued once).
        let newMetadata = new?.metadata
        if let oldMetadata = old?.metadata, oldMetadata.controller != newMetadata?.controller {
            queueOwner(of: oldMetadata)
        }
        if let newMetadata {
            queueOwner(of: newMetadata)
            // Garbage collection leaves pods owned by a Node (static pods) alone; anything else without its owner goes.
            if let owner = newMetadata.controller, !liveControllers.contains(owner.uid),
                resource != .pods || owner.kind != "Node"
            {
                mayHaveOrphans = true
            }
        }
    }

    private mutating func queueOwner(of metadata: ObjectMeta) {
        guard let owner = metadata.controller, let kind = Self.controllerKinds[owner.kind] else { return }
        queueOwner(kind, StoreKey.make(namespace: metadata.namespace, name: owner.name))
    }

    mutating func queueOwner(_ resource: ResourceType, _ key: String) { owners[resource, default: []].insert(key) }

    mutating func takeOwners(_ resource: ResourceType) -> Set<String> { owners.removeValue(forKey: resource) ?? [] }

    mutating func takePods() -> Set<String> {
        defer { pods = [] }
        return pods
    }

    mutating func takeNodesForLifecycle() -> Set<String> {
        defer { nodesForLifecycle = [] }
        return nodesForLifecycle
    }

    mutating func takeNodesForKubelet() -> Set<String> {
        defer { nodesForKubelet = [] }
        return nodesForKubelet
    }

    /// The namespaces whose pods changed and the budgets written since the last call.
    mutating func takeBudgetChanges() -> (namespaces: Set<String>, budgets: Set<String>) {
        defer {
            podNamespaces = []
            budgets = []
        }
        return (podNamespaces, budgets)
    }

    func isPodQueued(_ key: String) -> Bool { pods.contains(key) }
}
