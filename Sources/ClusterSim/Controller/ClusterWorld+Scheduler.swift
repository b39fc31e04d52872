extension ClusterWorld {
    /// Binds pending pods to the least-loaded Ready, schedulable node they fit on.
    func schedulePendingPods() {
        let candidates = (store.podsByNode[""] ?? []).sorted().compactMap { store.get(Pod.self, $0) }
            .filter { $0.metadata.deletionTimestamp == nil }
        guard !candidates.isEmpty else { return }
        var load = nodeLoads()
        let nodes = store.all(Node.self)
        for pod in candidates {
            let memory = pod.spec.containers.reduce(Int64(0)) { $0 + ($1.resources?.memoryRequestBytes ?? 0) }
            let cpu = pod.spec.containers.reduce(Int64(0)) { $0 + ($1.resources?.cpuRequestMillis ?? 0) }
            let fitting = nodes.filter { node in
                guard node.isSchedulable, let name = node.metadata.name else { return false }
                let used = load[name] ?? NodeLoad()
                return used.pods < node.allocatablePods && used.memory + memory <= node.allocatableMemory && used.cpu + cpu <= node.allocatableCPU
            }
            guard let node = fitting.min(by: { a, b in
                let la = load[a.metadata.name ?? ""] ?? NodeLoad(), lb = load[b.metadata.name ?? ""] ?? NodeLoad()
                let fa = Double(la.memory) / Double(max(1, a.allocatableMemory)), fb = Double(lb.memory) / Double(max(1, b.allocatableMemory))
                return fa != fb ? fa < fb : (a.metadata.name ?? "") < (b.metadata.name ?? "")
            }), let nodeName = node.metadata.name else {
                markUnschedulable(pod, nodeCount: nodes.count)
                continue
            }
            load[nodeName, default: NodeLoad()].add(memory: memory, cpu: cpu)
            store.modify(Pod.self, pod.storeKey) { pod in
                pod.spec.nodeName = nodeName
                pod.status.conditions = [PodCondition(type: "PodScheduled", status: "True", lastTransitionTime: timestamp)]
                return true
            }
            recordEvent(on: reference(to: pod), type: "Normal", reason: "Scheduled",
                        message: "Successfully assigned \(pod.metadata.namespace ?? "")/\(pod.metadata.name ?? "") to \(nodeName)", component: "default-scheduler")
        }
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
    }

    /// Requests already placed on each node.
    func nodeLoads() -> [String: NodeLoad] {
        var loads: [String: NodeLoad] = [:]
        for (node, keys) in store.podsByNode where !node.isEmpty {
            var load = NodeLoad()
            for key in keys {
                guard let pod = store.get(Pod.self, key), pod.status.phase != "Succeeded", pod.status.phase != "Failed" else { continue }
                load.add(memory: pod.spec.containers.reduce(0) { $0 + ($1.resources?.memoryRequestBytes ?? 0) },
                         cpu: pod.spec.containers.reduce(0) { $0 + ($1.resources?.cpuRequestMillis ?? 0) })
            }
            loads[node] = load
        }
        return loads
    }

    private func markUnschedulable(_ pod: Pod, nodeCount: Int) {
        let message = "0/\(nodeCount) nodes are available: \(nodeCount) Insufficient memory or cpu, or node(s) were unschedulable."
        let condition = PodCondition(type: "PodScheduled", status: "False", reason: "Unschedulable", message: message, lastTransitionTime: timestamp)
        guard pod.status.conditions?.first(where: { $0.type == "PodScheduled" })?.reason != "Unschedulable" else { return }
        store.modify(Pod.self, pod.storeKey) { $0.status.conditions = [condition]; return true }
        recordEvent(on: reference(to: pod), type: "Warning", reason: "FailedScheduling", message: message, component: "default-scheduler")
    }

    func reference(to pod: Pod) -> ObjectReference {
        ObjectReference(kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: "v1")
    }
}

extension Node {
    var allocatableMemory: Int64 { status.allocatable["memory"].flatMap { Quantity.bytes($0) } ?? 0 }
    var capacityMemory: Int64 { status.capacity["memory"].flatMap { Quantity.bytes($0) } ?? 0 }
    var allocatableCPU: Int64 { status.allocatable["cpu"].flatMap { Quantity.millis($0) } ?? 0 }
    var allocatablePods: Int { status.allocatable["pods"].flatMap { Int($0) } ?? 110 }
}
