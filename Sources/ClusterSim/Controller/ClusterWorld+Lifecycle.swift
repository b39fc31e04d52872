extension ClusterWorld {
    static let notReadyEvictionSeconds = 300.0

    /// The node lifecycle controller: taints for cordoned and unreachable nodes, pods marked not ready, then evicted after 300 s.
    func runNodeLifecycle() {
        let written = queues.takeNodesForLifecycle()
        let names: [String]
        if controllerMode == .changeDriven, let table = store.table(.nodes) {
            // Taints follow the node object; NotReady nodes are looked at every tick until their pods are evicted.
            names = written.union(notReadySince.keys).union(resyncShare(of: table)).sorted()
        } else {
            names = Array(store.table(.nodes)?.sortedKeys ?? SortedKeys())
        }
        for key in names {
            guard let node = store.get(Node.self, key), let name = node.metadata.name else { continue }
            syncTaints(node)
            if node.isReady {
                notReadySince.removeValue(forKey: name)
                continue
            }
            let keys = (store.podsByNode[name] ?? []).sorted()
            guard let since = notReadySince[name] else {
                notReadySince[name] = now
                recordEvent(
                    on: ObjectReference(kind: "Node", name: name, uid: name, apiVersion: "v1"), type: "Normal",
                    reason: "NodeNotReady",
                    message: "Node \(name) status is now: NodeNotReady", component: "node-controller")
                for key in keys { markNotReady(key) }
                continue
            }
            guard now - since >= Self.notReadyEvictionSeconds else { continue }
            for key in keys {
                guard let pod = store.get(Pod.self, key), pod.metadata.controller?.kind != "DaemonSet",
                    pod.metadata.deletionTimestamp == nil
                else { continue }
                recordEvent(
                    on: reference(to: pod), type: "Normal", reason: "TaintManagerEviction",
                    message: "Marking for deletion Pod \(pod.metadata.namespace ?? "")/\(pod.metadata.name ?? "")",
                    component: "taint-eviction-controller")
                deletePodGracefully(
                    key,
                    condition: PodCondition(
                        type: "DisruptionTarget", status: "True", reason: "DeletionByTaintManager",
                        message: "Taint manager: deleting due to NoExecute taint", lastTransitionTime: timestamp))
            }
        }
    }

    private func markNotReady(_ key: String) {
        store.modify(Pod.self, key) { pod in
            guard var conditions = pod.status.conditions,
                let index = conditions.firstIndex(where: { $0.type == "Ready" })
            else { return false }
            conditions[index].status = "False"
            conditions[index].reason = "NodeNotReady"
            conditions[index].lastTransitionTime = timestamp
            pod.status.conditions = conditions
            for index in (pod.status.containerStatuses ?? []).indices {
                pod.status.containerStatuses?[index].ready = false
            }
            return true
        }
    }

    private func syncTaints(_ node: Node) {
        var wanted: [Taint] = (node.spec.taints ?? []).filter { !$0.key.hasPrefix("node.kubernetes.io/") }
        if node.spec.unschedulable == true {
            wanted.append(Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: timestamp))
        }
        switch node.condition("Ready")?.status {
        case "Unknown":
            wanted.append(Taint(key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: timestamp))
        case "False":
            wanted.append(Taint(key: "node.kubernetes.io/not-ready", effect: "NoExecute", timeAdded: timestamp))
        default: break
        }
        if node.condition("MemoryPressure")?.status == "True" {
            wanted.append(Taint(key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule", timeAdded: timestamp))
        }
        let current = node.spec.taints ?? []
        guard current.map({ "\($0.key):\($0.effect)" }) != wanted.map({ "\($0.key):\($0.effect)" }) else { return }
        store.modify(Node.self, node.storeKey) { node in
            node.spec.taints = wanted.map { taint in
                current.first { $0.key == taint.key && $0.effect == taint.effect } ?? taint
            }
            if node.spec.taints?.isEmpty == true { node.spec.taints = nil }
            return true
        }
    }

    /// Each PodDisruptionBudget's status from the pods it selects.
    func updateDisruptionBudgets() {
        let changes = queues.takeBudgetChanges()
        for budget in store.all(PodDisruptionBudget.self) {
            guard let namespace = budget.metadata.namespace, let selector = budget.spec.selector else { continue }
            // A budget's status follows its own object and the pods of its namespace.
            if controllerMode == .changeDriven, !changes.namespaces.contains(namespace),
                !changes.budgets.contains(budget.storeKey)
            {
                continue
            }
            let pods = store.all(Pod.self, namespace: namespace).filter {
                $0.metadata.deletionTimestamp == nil && selector.matches($0.metadata.labels)
            }
            let expected = Int32(pods.count)
            let healthy = Int32(pods.filter(isReady).count)
            let desired: Int32
            if let minAvailable = budget.spec.minAvailable {
                desired = Int32(minAvailable.scaled(against: Int(expected), roundUp: true) ?? 0)
            } else if let maxUnavailable = budget.spec.maxUnavailable {
                desired = max(0, expected - Int32(maxUnavailable.scaled(against: Int(expected), roundUp: true) ?? 0))
            } else {
                desired = expected
            }
            let allowed = max(0, healthy - desired)
            var status = budget.status
            status.observedGeneration = budget.metadata.generation
            status.currentHealthy = healthy
            status.desiredHealthy = desired
            status.expectedPods = expected
            status.disruptionsAllowed = allowed
            status.disruptedPods = nil
            let sufficient = allowed > 0
            if status.conditions?.first?.status != (sufficient ? "True" : "False") {
                status.conditions = [
                    PodCondition(
                        type: "DisruptionAllowed", status: sufficient ? "True" : "False",
                        reason: sufficient ? "SufficientPods" : "InsufficientPods", lastTransitionTime: timestamp,
                        observedGeneration: budget.metadata.generation)
                ]
            }
            if status != budget.status {
                store.modify(PodDisruptionBudget.self, budget.storeKey) {
                    $0.status = status
                    return true
                }
            }
        }
    }

    /// Deletes objects whose controller owner is gone (background cascading deletion) and events past their 1 h TTL.
    func collectGarbage() {
        if controllerMode == .fullVisit || queues.mayHaveOrphans {
            queues.mayHaveOrphans = false
            collectOrphans()
        }
        if Int(elapsed) % 60 == 0 {
            let cutoff = timestamp.adding(seconds: -3600)
            let expired: [String]
            switch controllerMode {
            case .fullVisit:
                expired = store.all(Event.self).filter { Self.lastSeen($0, or: cutoff) < cutoff }.map(\.storeKey)
            case .changeDriven:
                expired = expiredEvents(before: cutoff)
            }
            for key in expired { removeExpiredEvent(key) }
            for key in eventsOverLimit() { removeExpiredEvent(key) }
        }
    }

    /// Background cascading deletion: replica sets, jobs and pods whose controller owner no longer exists.
    private func collectOrphans() {
        var owners = Set<String>()
        for type in [ResourceType.deployments, .replicaSets, .daemonSets, .statefulSets, .jobs, .cronJobs] {
            for stored in store.table(type)?.objects.values.map({ $0 }) ?? [] {
                if let uid = stored.metadata.uid { owners.insert(uid) }
            }
        }
        for replicaSet in store.all(ReplicaSet.self) {
            if let owner = replicaSet.metadata.controller?.uid, !owners.contains(owner) {
                store.remove(.replicaSets, replicaSet.storeKey)
            }
        }
        for job in store.all(Job.self) {
            if let owner = job.metadata.controller?.uid, !owners.contains(owner) { store.remove(.jobs, job.storeKey) }
        }
        let podsByOwner = store.podsByOwner
        for owner in podsByOwner.keys.sorted() where !owners.contains(owner) {
            for key in (podsByOwner[owner] ?? []).sorted() {
                guard let pod = store.get(Pod.self, key), pod.metadata.controller?.kind != "Node" else { continue }
                deletePodGracefully(key)
            }
        }
    }
}
