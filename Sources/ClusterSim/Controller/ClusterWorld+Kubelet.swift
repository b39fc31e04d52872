extension ClusterWorld {
    static let readinessDelay = 2.0
    static let maxBackoff = 300.0
    static let defaultMemoryRequest = 64.0 * 1_048_576

    /// Every Ready node's kubelet, one step per node: starts, runs, OOM-kills and restarts containers, finishes
    /// deletions, reports memory pressure. A NotReady node's kubelet does nothing, so its terminating pods stay (as on
    /// a real cluster, until the kubelet returns or someone force-deletes them with a grace period of 0). In
    /// full-visit mode every pod of every node, each tick; otherwise only pods that are not resting. The last step
    /// records the pass.
    func kubeletSteps() -> [TickStep] {
        let pass = tickCount
        var steps: [TickStep]
        switch controllerMode {
        case .fullVisit:
            _ = queues.takePods()
            _ = queues.takeNodesForKubelet()
            steps = (store.table(.nodes)?.sortedKeys ?? SortedKeys()).map { name in
                { [unowned self] in if let node = store.get(Node.self, name) { runKubelet(on: node) } }
            }
        case .changeDriven:
            steps = wakefulKubeletSteps(pass: pass)
        }
        steps.append { [unowned self] in kubeletPassTick = pass }
        return steps
    }

    /// One node's kubelet visiting every pod on it.
    private func runKubelet(on node: Node) {
        guard let nodeName = node.metadata.name else { return }
        let keys = (store.podsByNode[nodeName] ?? []).sorted()
        var podMemory = 0.0
        for key in keys {
            guard node.isReady, let pod = store.get(Pod.self, key) else { continue }
            if finishDeletionIfDue(pod, key: key) { continue }
            podMemory += runPod(pod, key: key, on: node)
        }
        if node.isReady { reportMemory(of: node, podMemory: podMemory, podKeys: keys) }
    }

    /// Removes a terminating pod once its containers would have stopped; true when the pod is gone.
    func finishDeletionIfDue(_ pod: Pod, key: String) -> Bool {
        guard let deadline = pod.metadata.deletionTimestamp else { return false }
        let started = Double(deadline.seconds - (pod.metadata.deletionGracePeriodSeconds ?? 0))
        guard now >= min(Double(deadline.seconds), started + 2) else { return false }
        store.remove(.pods, key)
        runtimes.removeValue(forKey: key)
        return true
    }

    /// Simulates one pod for one tick; returns its containers' working set.
    func runPod(_ pod: Pod, key: String, on node: Node) -> Double {
        guard pod.status.phase != "Succeeded", pod.status.phase != "Failed" else { return 0 }
        let isNew = runtimes[key] == nil
        if isNew { runtimes[key] = PodRuntime(jitter: store.randomUnit(), createdAt: now) }
        // Mutated where it is stored: neither copied nor removed and reinserted (that cost a tenth of a tick).
        return run(pod, key: key, isNew: isNew, runtime: &runtimes[key]!, on: node)
    }

    /// One tick of one pod's containers against its runtime; returns their working set.
    private func run(_ pod: Pod, key: String, isNew: Bool, runtime: inout PodRuntime, on node: Node) -> Double {
        if isNew, pod.status.phase == "Running" {
            // A pod that was already running when this kubelet first saw it: adopt its state, rewrite nothing.
            for status in pod.status.containerStatuses ?? [] {
                let started = Double(status.state.running?.startedAt?.seconds ?? Int64(now))
                runtime.containers[status.name] = ContainerRuntime(
                    runningSince: status.ready ? min(started, now - Self.readinessDelay) : started,
                    restartCount: status.restartCount, lastTermination: status.lastState.terminated,
                    containerID: status.containerID ?? "", reportedReady: status.ready)
            }
            runtime.statusDirty = false
        }
        if pod.status.observedGeneration != pod.metadata.generation { runtime.statusDirty = true }
        var total = 0.0
        for container in pod.spec.containers where !isNew || pod.status.phase == "Running" {
            var state = runtime.containers[container.name] ?? ContainerRuntime()
            let before = (state.runningSince, state.restartCount, state.backoffUntil)
            step(&state, container: container, pod: pod, runtime: runtime, node: node)
            let ready = state.runningSince.map { now - $0 >= Self.readinessDelay } ?? false
            if before != (state.runningSince, state.restartCount, state.backoffUntil) || ready != state.reportedReady {
                state.reportedReady = ready
                runtime.statusDirty = true
            }
            runtime.containers[container.name] = state
            total += state.workingSetBytes
        }
        if runtime.statusDirty {
            runtime.statusDirty = false
            let status = podStatus(pod, runtime: runtime, node: node)
            if status != pod.status {
                store.modify(Pod.self, key) {
                    $0.status = status
                    return true
                }
            }
        }
        return total
    }

    private func step(_ state: inout ContainerRuntime, container: Container, pod: Pod, runtime: PodRuntime, node: Node)
    {
        if state.containerID.isEmpty {
            state.containerID = newContainerID()
        }
        if let until = state.backoffUntil, now >= until {
            state.backoffUntil = nil
            state.containerID = newContainerID()
            state.runningSince = now
        }
        if state.runningSince == nil, state.backoffUntil == nil { state.runningSince = now }
        guard let since = state.runningSince else { return }
        let limits = cachedLimits(&state, container: container, pod: pod)
        let wanted = limits.demand.memory(elapsed, runtime.jitter)
        if now - since < tickSeconds * 1.5, state.workingSetBytes == 0 { state.workingSetBytes = wanted * 0.3 }
        let cores = limits.demand.cpu(elapsed, runtime.jitter)
        state.advance(wanted: wanted, cores: cores, cpuLimit: limits.cpuCores, tickSeconds: tickSeconds)
        if let limit = limits.memoryBytes, state.workingSetBytes > limit {
            oomKill(&state, container: container.name, pod: pod, node: node, limit: Int64(limit))
        }
    }

    /// `containerd://` and a fresh uid's 32 hex digits.
    private func newContainerID() -> String { "containerd://" + String(store.makeUID().filter { $0 != "-" }) }

    /// The container's limits and demand curve, recomputed only when the pod spec or the demand table changed.
    private func cachedLimits(_ state: inout ContainerRuntime, container: Container, pod: Pod) -> ContainerLimits {
        let generation = pod.metadata.generation ?? 0
        if let cached = state.limits, cached.generation == generation, cached.demandsVersion == demandsVersion {
            return cached
        }
        let resources = container.resources ?? ResourceRequirements()
        let limits = ContainerLimits(
            memoryBytes: resources.memoryLimitBytes.map(Double.init),
            cpuCores: resources.cpuLimitMillis.map { Double($0) / 1000 },
            demand: demand(for: pod, container: container.name) ?? defaultDemand(resources),
            generation: generation, demandsVersion: demandsVersion)
        state.limits = limits
        return limits
    }

    func defaultDemand(_ resources: ResourceRequirements) -> ContainerDemand {
        let memory =
            Double(
                resources.memoryRequestBytes ?? resources.memoryLimitBytes.map { $0 / 2 }
                    ?? Int64(Self.defaultMemoryRequest)) * 0.6
        let cpu = Double(resources.cpuRequestMillis ?? 100) / 1000 * 0.3
        return .steady(memoryBytes: memory, cpuCores: cpu)
    }

    /// The container passed its memory limit: the kernel kills it, the kubelet backs off before restarting it.
    func oomKill(_ state: inout ContainerRuntime, container: String, pod: Pod, node: Node, limit: Int64?) {
        let ranFor = now - (state.runningSince ?? now)
        state.backoffSeconds =
            ranFor > 2 * Self.maxBackoff || state.backoffSeconds == 0
            ? 10 : min(Self.maxBackoff, state.backoffSeconds * 2)
        state.lastTermination = ContainerState.Terminated(
            exitCode: 137, reason: "OOMKilled", startedAt: state.runningSince.map { Timestamp(seconds: Int64($0)) },
            finishedAt: timestamp, containerID: state.containerID)
        state.restartCount += 1
        state.oomEvents += 1
        state.runningSince = nil
        state.backoffUntil = now + state.backoffSeconds
        let usedMiB = Int(state.workingSetBytes / 1_048_576)
        state.workingSetBytes = 0
        let podName = pod.metadata.name ?? ""
        let namespace = pod.metadata.namespace ?? ""
        let nodeName = node.metadata.name ?? ""
        recordEvent(
            on: ObjectReference(kind: "Node", name: nodeName, uid: nodeName, apiVersion: "v1"), type: "Warning",
            reason: "OOMKilling",
            message:
                "Memory cgroup out of memory: Killed process \(1000 + Int(state.restartCount)) (\(container)) total-vm:\(usedMiB * 1400)kB, anon-rss:\(usedMiB * 1024)kB, file-rss:0kB",
            component: "kernel-monitor", host: nodeName)
        recordEvent(
            on: ObjectReference(
                kind: "Pod", namespace: namespace, name: podName, uid: pod.metadata.uid, apiVersion: "v1",
                fieldPath: "spec.containers{\(container)}"),
            type: "Warning", reason: "BackOff",
            message:
                "Back-off restarting failed container \(container) in pod \(podName)_\(namespace)(\(pod.metadata.uid ?? ""))",
            component: "kubelet", host: nodeName)
    }

    private func podStatus(_ pod: Pod, runtime: PodRuntime, node: Node) -> PodStatus {
        var status = pod.status
        let podName = pod.metadata.name ?? ""
        let namespace = pod.metadata.namespace ?? ""
        var statuses: [ContainerStatus] = []
        for container in pod.spec.containers {
            let previous = pod.status.containerStatuses?.first { $0.name == container.name }
            guard let state = runtime.containers[container.name] else {
                statuses.append(
                    ContainerStatus(
                        name: container.name, state: ContainerState(waiting: .init(reason: "ContainerCreating")),
                        lastState: .empty,
                        ready: false, restartCount: 0, image: container.image ?? "", imageID: "", started: false))
                continue
            }
            var current = ContainerState()
            var ready = false
            if let since = state.runningSince {
                current.running = .init(startedAt: Timestamp(seconds: Int64(since)))
                ready = now - since >= Self.readinessDelay
            } else {
                let backoff = Int(state.backoffSeconds)
                let text = backoff >= 60 ? "\(backoff / 60)m\(backoff % 60)s" : "\(backoff)s"
                current.waiting = .init(
                    reason: "CrashLoopBackOff",
                    message:
                        "back-off \(text) restarting failed container=\(container.name) pod=\(podName)_\(namespace)(\(pod.metadata.uid ?? ""))"
                )
            }
            let resources = container.resources
            statuses.append(
                ContainerStatus(
                    name: container.name, state: current, lastState: ContainerState(terminated: state.lastTermination),
                    ready: ready, restartCount: state.restartCount, image: container.image ?? "",
                    imageID: previous?.imageID
                        ?? "docker.io/library/\(container.image ?? "")@sha256:\(templateHash(PodTemplateSpec(spec: PodSpec(containers: [container]))))",
                    containerID: state.containerID, started: state.runningSince != nil,
                    allocatedResources: resources?.requests, resources: resources))
        }
        let allReady = statuses.allSatisfy(\.ready)
        let started = statuses.contains { $0.state.running != nil || $0.restartCount > 0 }
        status.phase = started ? "Running" : "Pending"
        status.containerStatuses = statuses
        status.hostIP = node.status.addresses.first { $0.type == "InternalIP" }?.address
        status.hostIPs = status.hostIP.map { [PodIP(ip: $0)] }
        if status.podIP == nil, started {
            let octets = abs(podName.hashValueStable) % 250
            status.podIP = "10.244.\(abs((node.metadata.name ?? "").hashValueStable) % 250).\(octets + 2)"
            status.podIPs = [PodIP(ip: status.podIP ?? "")]
        }
        status.startTime = status.startTime ?? timestamp
        status.qosClass = status.qosClass ?? qosClass(pod.spec)
        status.observedGeneration = pod.metadata.generation
        var conditions = (status.conditions ?? []).filter {
            !["Initialized", "ContainersReady", "Ready", "PodReadyToStartContainers"].contains($0.type)
        }
        func condition(_ type: String, _ value: Bool) -> PodCondition {
            let old = pod.status.conditions?.first { $0.type == type }
            let text = value ? "True" : "False"
            return PodCondition(
                type: type, status: text, reason: value ? nil : (type == "Initialized" ? nil : "ContainersNotReady"),
                message: value
                    ? nil
                    : (type == "Initialized"
                        ? nil
                        : "containers with unready status: [\(statuses.filter { !$0.ready }.map(\.name).joined(separator: " "))]"),
                lastTransitionTime: old?.status == text ? old?.lastTransitionTime : timestamp)
        }
        conditions += [
            condition("PodReadyToStartContainers", true), condition("Initialized", true),
            condition("ContainersReady", allReady), condition("Ready", allReady),
        ]
        status.conditions = conditions
        return status
    }

    /// Node memory: pods plus the kubelet's own; pressure above 85 %, a system OOM (and a dead kubelet) at capacity.
    func reportMemory(of node: Node, podMemory: Double, podKeys: [String]) {
        guard let name = node.metadata.name else { return }
        let capacity = Double(node.capacityMemory)
        let used = podMemory + (kubeletMemory[name] ?? 256 * 1_048_576) + 512 * 1_048_576
        let pressure = used > 0.85 * capacity
        if (node.condition("MemoryPressure")?.status == "True") != pressure {
            store.modify(Node.self, name) { node in
                node.setCondition(
                    "MemoryPressure", status: pressure ? "True" : "False",
                    reason: pressure ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory",
                    message: pressure
                        ? "kubelet has insufficient memory available" : "kubelet has sufficient memory available",
                    now: timestamp)
                return true
            }
            recordEvent(
                on: ObjectReference(kind: "Node", name: name, uid: name, apiVersion: "v1"),
                type: pressure ? "Warning" : "Normal",
                reason: pressure ? "NodeHasInsufficientMemory" : "NodeHasSufficientMemory",
                message:
                    "Node \(name) status is now: \(pressure ? "NodeHasInsufficientMemory" : "NodeHasSufficientMemory")",
                component: "kubelet", host: name)
        }
        guard used >= capacity else { return }
        recordEvent(
            on: ObjectReference(kind: "Node", name: name, uid: name, apiVersion: "v1"), type: "Warning",
            reason: "SystemOOM",
            message: "System OOM encountered, victim process: containerd, pid: 812", component: "kubelet", host: name)
        for key in podKeys {
            guard var runtime = runtimes[key], let pod = store.get(Pod.self, key) else { continue }
            for container in pod.spec.containers {
                guard var state = runtime.containers[container.name], state.runningSince != nil else { continue }
                oomKill(&state, container: container.name, pod: pod, node: node, limit: nil)
                runtime.containers[container.name] = state
            }
            runtimes[key] = runtime
        }
        store.modify(Node.self, name) { node in
            node.setCondition(
                "Ready", status: "Unknown", reason: "NodeStatusUnknown",
                message: "Kubelet stopped posting node status.", now: timestamp)
            for type in ["MemoryPressure", "DiskPressure", "PIDPressure"] {
                node.setCondition(
                    type, status: "Unknown", reason: "NodeStatusUnknown",
                    message: "Kubelet stopped posting node status.", now: timestamp)
            }
            return true
        }
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
