extension ClusterWorld {
    /// Binds pending pods to the least-loaded Ready, schedulable node they fit on: one step per pod, in key order,
    /// against the nodes and loads read when the pass began (and kept up to date by its own bindings).
    func schedulingSteps() -> [TickStep] {
        let candidates = (store.podsByNode[""] ?? []).sorted().filter {
            store.podFacts[$0].map { !$0.isTerminating } ?? false
        }
        guard !candidates.isEmpty else { return [] }
        if podRequests.count > 2 * store.count(.pods) + 1000 { podRequests.removeAll() }
        let capacities: [NodeCapacity]
        let load: [NodeLoad]
        // Loads by position in `capacities`: thousands of pending pods times thousands of nodes must not hash names.
        switch controllerMode {
        case .fullVisit:
            capacities = Self.capacities(of: store.all(Node.self))
            let loadsByName = nodeLoads()
            load = capacities.map { loadsByName[$0.name] ?? NodeLoad() }
        case .changeDriven:
            if queues.nodesChangedForScheduler || schedulableNodes == nil {
                queues.nodesChangedForScheduler = false
                schedulableNodes = Self.capacities(of: store.all(Node.self))
            }
            capacities = schedulableNodes ?? []
            load = capacities.map { placedLoads[$0.name] ?? NodeLoad() }
        }
        let round = SchedulingRound(capacities: capacities, load: load, nodeCount: store.count(.nodes))
        return candidates.map { key in
            { [unowned self] in
                guard let pod = store.get(Pod.self, key), pod.spec.nodeName == nil,
                    pod.metadata.deletionTimestamp == nil
                else { return }
                schedule(pod, in: round)
            }
        }
    }

    private func schedule(_ pod: Pod, in round: SchedulingRound) {
        let (memory, cpu) = requests(of: pod)
        guard let chosen = round.leastLoaded(memory: memory, cpu: cpu) else {
            markUnschedulable(pod, nodeCount: round.nodeCount)
            return
        }
        let nodeName = round.capacities[chosen].name
        round.load[chosen].add(memory: memory, cpu: cpu)
        store.modify(Pod.self, pod.storeKey) { pod in
            pod.spec.nodeName = nodeName
            pod.status.conditions = [
                PodCondition(type: "PodScheduled", status: "True", lastTransitionTime: timestamp)
            ]
            return true
        }
        recordEvent(
            on: reference(to: pod), type: "Normal", reason: "Scheduled",
            message: "Successfully assigned \(pod.metadata.namespace ?? "")/\(pod.metadata.name ?? "") to \(nodeName)",
            component: "default-scheduler")
    }

    struct NodeLoad {
        var pods = 0
        var memory: Int64 = 0
        var cpu: Int64 = 0
        mutating func add(memory: Int64, cpu: Int64) {
            pods += 1
            self.memory += memory
            self.cpu += cpu
        }
        mutating func remove(memory: Int64, cpu: Int64) {
            pods -= 1
            self.memory -= memory
            self.cpu -= cpu
        }
    }

    /// The schedulable nodes' allocatable resources, in name order.
    static func capacities(of nodes: [Node]) -> [NodeCapacity] {
        nodes.filter(\.isSchedulable).compactMap { node in
            node.metadata.name.map {
                NodeCapacity(
                    name: $0, memory: node.allocatableMemory, cpu: node.allocatableCPU, pods: node.allocatablePods)
            }
        }
    }

    /// Keeps `placedLoads` as pods are written: what `nodeLoads()` would count, without visiting every pod.
    func trackPlacement(old: Pod?, new: Pod?) {
        // Most writes change neither where a pod is nor what it asks for.
        if let old, let new, old.spec.nodeName == new.spec.nodeName,
            old.metadata.generation == new.metadata.generation, old.metadata.uid == new.metadata.uid,
            Self.holdsResources(old) == Self.holdsResources(new)
        {
            return
        }
        if let old, let node = old.spec.nodeName, !node.isEmpty, Self.holdsResources(old) {
            let (memory, cpu) = requests(of: old)
            placedLoads[node, default: NodeLoad()].remove(memory: memory, cpu: cpu)
        }
        if let new, let node = new.spec.nodeName, !node.isEmpty, Self.holdsResources(new) {
            let (memory, cpu) = requests(of: new)
            placedLoads[node, default: NodeLoad()].add(memory: memory, cpu: cpu)
        }
    }

    static func holdsResources(_ pod: Pod) -> Bool { pod.status.phase != "Succeeded" && pod.status.phase != "Failed" }

    struct NodeCapacity {
        let name: String
        let memory: Int64
        let cpu: Int64
        let pods: Int
    }

    /// Requests already placed on each node.
    func nodeLoads() -> [String: NodeLoad] {
        var loads: [String: NodeLoad] = [:]
        for (node, keys) in store.podsByNode where !node.isEmpty {
            var load = NodeLoad()
            for key in keys {
                guard let pod = store.get(Pod.self, key), Self.holdsResources(pod) else { continue }
                let (memory, cpu) = requests(of: pod)
                load.add(memory: memory, cpu: cpu)
            }
            loads[node] = load
        }
        return loads
    }

    /// A pod's summed memory (bytes) and CPU (millicores) requests, cached by uid and generation.
    func requests(of pod: Pod) -> (memory: Int64, cpu: Int64) {
        let key = "\(pod.metadata.uid ?? "")/\(pod.metadata.generation ?? 0)"
        if let cached = podRequests[key] { return cached }
        let sums = (
            pod.spec.containers.reduce(Int64(0)) { $0 + ($1.resources?.memoryRequestBytes ?? 0) },
            pod.spec.containers.reduce(Int64(0)) { $0 + ($1.resources?.cpuRequestMillis ?? 0) }
        )
        podRequests[key] = sums
        return sums
    }

    private func markUnschedulable(_ pod: Pod, nodeCount: Int) {
        let message =
            "0/\(nodeCount) nodes are available: \(nodeCount) Insufficient memory or cpu, or node(s) were unschedulable."
        let condition = PodCondition(
            type: "PodScheduled", status: "False", reason: "Unschedulable", message: message,
            lastTransitionTime: timestamp)
        guard pod.status.conditions?.first(where: { $0.type == "PodScheduled" })?.reason != "Unschedulable" else {
            return
        }
        store.modify(Pod.self, pod.storeKey) {
            $0.status.conditions = [condition]
            return true
        }
        recordEvent(
            on: reference(to: pod), type: "Warning", reason: "FailedScheduling", message: message,
            component: "default-scheduler")
    }

    func reference(to pod: Pod) -> ObjectReference {
        ObjectReference(
            kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid,
            apiVersion: "v1")
    }
}

extension Node {
    var allocatableMemory: Int64 { status.allocatable["memory"].flatMap { Quantity.bytes($0) } ?? 0 }
    var capacityMemory: Int64 { status.capacity["memory"].flatMap { Quantity.bytes($0) } ?? 0 }
    var allocatableCPU: Int64 { status.allocatable["cpu"].flatMap { Quantity.millis($0) } ?? 0 }
    var allocatablePods: Int { status.allocatable["pods"].flatMap { Int($0) } ?? 110 }
}
