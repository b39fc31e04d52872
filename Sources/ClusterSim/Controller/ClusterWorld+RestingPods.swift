/// What the change-driven kubelet keeps of a node between ticks, refreshed when the node is written.
struct KubeletNodeView {
    var isReady: Bool
    var capacityBytes: Double
    var isUnderMemoryPressure: Bool
    /// The summed upper bounds of the working sets of the node's resting pods, in bytes.
    var restingBytes: Int64 = 0

    init(_ node: Node) {
        isReady = node.isReady
        capacityBytes = Double(node.capacityMemory)
        isUnderMemoryPressure = node.condition("MemoryPressure")?.status == "True"
    }
}

/// The change-driven kubelet. A pod rests when nothing about it can change by itself: running and ready, not being
/// deleted, its status written, and every container's demand flat and within its memory limit (its working set then
/// only converges, so it cannot be OOM-killed). A resting pod is not visited; its counters are advanced when read,
/// by the same per-tick arithmetic a visit does, and its node's memory is checked against an upper bound of its
/// working set. Writes to the pod or its node, a demand change, the rolling resync or a read wake it.
extension ClusterWorld {
    static let memoryBoundMargin = 1_048_576.0

    /// One step per node with pods awake, or whose memory the resting pods' bound does not settle.
    func wakefulKubeletSteps(pass: Int) -> [TickStep] {
        var visit = queues.takePods().union(wakefulPods)
        for name in queues.takeNodesForKubelet() {
            if let node = store.get(Node.self, name) {
                let resting = kubeletNodes[name]?.restingBytes ?? 0
                kubeletNodes[name] = KubeletNodeView(node)
                kubeletNodes[name]?.restingBytes = resting
            } else {
                kubeletNodes[name] = nil
            }
            visit.formUnion(store.podsByNode[name] ?? [])
        }
        if kubeletDemandsVersion != demandsVersion {
            kubeletDemandsVersion = demandsVersion
            visit.formUnion(runtimes.keys.filter { runtimes[$0]?.restingThrough != nil })
        }
        if let table = store.table(.pods) { visit.formUnion(resyncShare(of: table)) }

        var byNode: [String: [String]] = [:]
        for key in visit {
            guard let pod = store.get(Pod.self, key), let node = pod.spec.nodeName, !node.isEmpty else {
                // Gone, or not bound yet: a write or its binding brings it back.
                wake(key, through: pass - 1)
                wakefulPods.remove(key)
                continue
            }
            byNode[node, default: []].append(key)
        }
        for (name, view) in kubeletNodes where byNode[name] == nil && !hasSettledMemory(name, view, visited: 0) {
            byNode[name] = []
        }
        return byNode.keys.sorted().map { name in
            let keys = (byNode[name] ?? []).sorted()
            return { [unowned self] in
                guard let node = store.get(Node.self, name) else {
                    // Pods bound to a node that does not exist are not run; the node's creation wakes them.
                    for key in keys {
                        wake(key, through: pass - 1)
                        wakefulPods.remove(key)
                    }
                    return
                }
                runKubelet(on: node, visiting: keys, pass: pass)
            }
        }
    }

    /// One node's kubelet for the pods that are awake, then its memory: from the resting pods' bound when that settles
    /// it, otherwise exactly, summed in the order a full visit sums.
    private func runKubelet(on node: Node, visiting keys: [String], pass: Int) {
        guard let name = node.metadata.name else { return }
        var memoryByPod: [String: Double] = [:]
        var visitedMemory = 0.0
        for key in keys {
            wake(key, through: pass - 1)
            wakefulPods.insert(key)
            guard node.isReady, let pod = store.get(Pod.self, key) else { continue }
            if finishDeletionIfDue(pod, key: key) {
                wakefulPods.remove(key)
                continue
            }
            let memory = runPod(pod, key: key, on: node)
            memoryByPod[key] = memory
            visitedMemory += memory
            restIfSteady(pod, key: key, on: node, pass: pass)
        }
        guard node.isReady else { return }
        if kubeletNodes[name] == nil { kubeletNodes[name] = KubeletNodeView(node) }
        if let view = kubeletNodes[name], hasSettledMemory(name, view, visited: visitedMemory) { return }
        let podKeys = (store.podsByNode[name] ?? []).sorted()
        var podMemory = 0.0
        for key in podKeys {
            if let memory = memoryByPod[key] {
                podMemory += memory
            } else if runtimes[key]?.restingThrough != nil, let pod = store.get(Pod.self, key) {
                podMemory += restingWorkingSet(of: pod, key: key, through: pass)
            }
        }
        let before = store.resourceVersion
        reportMemory(of: node, podMemory: podMemory, podKeys: podKeys)
        if store.resourceVersion != before {
            // The node's state changed (pressure, or a system OOM that killed every container): wake all its pods.
            for key in podKeys {
                wake(key, through: pass)
                wakefulPods.insert(key)
            }
        }
    }

    /// True when the node's memory, at most its resting pods' bound plus `visited`, is clearly below pressure and
    /// not under pressure now: the full check would change nothing.
    private func hasSettledMemory(_ name: String, _ view: KubeletNodeView, visited: Double) -> Bool {
        guard view.isReady, !view.isUnderMemoryPressure else { return !view.isReady }
        let used = Double(view.restingBytes) + visited + (kubeletMemory[name] ?? 256 * 1_048_576) + 512 * 1_048_576
        return used + Self.memoryBoundMargin <= 0.85 * view.capacityBytes
    }

    /// Puts a pod that was just visited to rest when nothing about it can change by itself. `pod` is the object the
    /// visit read: a visit that wrote the pod queued it again, and then it does not rest.
    private func restIfSteady(_ pod: Pod, key: String, on node: Node, pass: Int) {
        guard !queues.isPodQueued(key), let name = node.metadata.name,
            pod.metadata.deletionTimestamp == nil, pod.status.phase == "Running",
            pod.status.observedGeneration == pod.metadata.generation, var runtime = runtimes[key],
            !runtime.statusDirty
        else { return }
        var bound: Int64 = 0
        for container in pod.spec.containers {
            guard var state = runtime.containers[container.name], let since = state.runningSince,
                state.backoffUntil == nil, state.reportedReady, now - since >= Self.readinessDelay,
                let limits = state.limits, limits.demand.isFlat, limits.demandsVersion == demandsVersion,
                limits.generation == (pod.metadata.generation ?? 0)
            else { return }
            let wanted = limits.demand.memory(elapsed, runtime.jitter)
            let highest = max(state.workingSetBytes, wanted)
            if let limit = limits.memoryBytes, highest > limit { return }
            state.restingDemand = (wanted, limits.demand.cpu(elapsed, runtime.jitter))
            runtime.containers[container.name] = state
            bound += Int64(highest.rounded(.up))
        }
        runtime.restingThrough = pass
        runtime.restingNode = name
        runtime.restingBound = bound
        runtimes[key] = runtime
        kubeletNodes[name]?.restingBytes += bound
        wakefulPods.remove(key)
    }

    /// Advances a resting pod's counters through `tick` and returns its containers' working set, summed as a visit
    /// sums it.
    private func restingWorkingSet(of pod: Pod, key: String, through tick: Int) -> Double {
        guard runtimes[key] != nil else { return 0 }
        catchUp(&runtimes[key]!, through: tick)
        var total = 0.0
        for container in pod.spec.containers {
            total += runtimes[key]?.containers[container.name]?.workingSetBytes ?? 0
        }
        return total
    }

    /// Ends a pod's rest (if it was resting) with its counters caught up through `tick`.
    func wake(_ key: String, through tick: Int) {
        guard runtimes[key]?.restingThrough != nil else { return }
        catchUp(&runtimes[key]!, through: tick)
        let runtime = runtimes[key]!
        kubeletNodes[runtime.restingNode]?.restingBytes -= runtime.restingBound
        runtimes[key]!.restingThrough = nil
        runtimes[key]!.restingBound = 0
        for name in runtime.containers.keys { runtimes[key]!.containers[name]?.restingDemand = nil }
    }

    /// Replays the ticks a resting pod was not visited for, through `tick`.
    func catchUp(_ runtime: inout PodRuntime, through tick: Int) {
        guard let from = runtime.restingThrough, tick > from else { return }
        for name in runtime.containers.keys {
            guard let demand = runtime.containers[name]?.restingDemand else { continue }
            let cpuLimit = runtime.containers[name]?.limits?.cpuCores
            for _ in from..<tick {
                runtime.containers[name]?.advance(
                    wanted: demand.memory, cores: demand.cpu, cpuLimit: cpuLimit, tickSeconds: tickSeconds)
            }
        }
        runtime.restingThrough = tick
    }

    /// A pod's kubelet state as of the last kubelet pass, for reads (metrics, cAdvisor, logs).
    func currentRuntime(_ key: String) -> PodRuntime? {
        guard runtimes[key]?.restingThrough != nil else { return runtimes[key] }
        catchUp(&runtimes[key]!, through: kubeletPassTick)
        return runtimes[key]
    }
}
