import Foundation

/// Deployments own ReplicaSets; ReplicaSets, DaemonSets, StatefulSets and Jobs own pods. Each pass returns one step
/// per object it reconciles (see `ClusterWorld.runNext`).
extension ClusterWorld {
    func deploymentSteps() -> [TickStep] {
        keysToReconcile(.deployments).map { key in
            { [unowned self] in
                guard let deployment = store.get(Deployment.self, key), deployment.metadata.deletionTimestamp == nil
                else { return }
                reconcile(deployment, owned: ownedReplicaSets(deployment.metadata.uid))
            }
        }
    }

    func replicaSetSteps() -> [TickStep] {
        keysToReconcile(.replicaSets).map { key in
            { [unowned self] in if let replicaSet = store.get(ReplicaSet.self, key) { reconcile(replicaSet) } }
        }
    }

    func daemonSetSteps() -> [TickStep] {
        if queues.nodesChangedForDaemonSets {
            // A daemon set's pods follow every node: any node written sends every daemon set round again.
            queues.nodesChangedForDaemonSets = false
            for key in store.table(.daemonSets)?.sortedKeys ?? SortedKeys() {
                queues.queueOwner(.daemonSets, key)
            }
        }
        return keysToReconcile(.daemonSets).map { key in
            { [unowned self] in if let daemonSet = store.get(DaemonSet.self, key) { reconcile(daemonSet) } }
        }
    }

    func statefulSetSteps() -> [TickStep] {
        keysToReconcile(.statefulSets).map { key in
            { [unowned self] in if let statefulSet = store.get(StatefulSet.self, key) { reconcile(statefulSet) } }
        }
    }

    /// The replica sets a deployment controls, in key order.
    func ownedReplicaSets(_ ownerUID: String?) -> [ReplicaSet] {
        guard let ownerUID, let keys = store.table(.replicaSets)?.byOwner[ownerUID] else { return [] }
        return keys.sorted().compactMap { store.get(ReplicaSet.self, $0) }
    }

    /// The live (not terminating) pods a controller owns, in key order.
    func ownedPods(_ ownerUID: String?) -> [Pod] {
        guard let ownerUID, let keys = store.podsByOwner[ownerUID] else { return [] }
        return keys.sorted().compactMap { store.get(Pod.self, $0) }.filter { $0.metadata.deletionTimestamp == nil }
    }

    /// The live (not terminating) pods a controller owns, as facts, in key order.
    func ownedPodFacts(_ ownerUID: String?) -> [PodFacts] {
        guard let ownerUID, let keys = store.podsByOwner[ownerUID] else { return [] }
        let facts = store.podFacts
        return keys.sorted().compactMap { facts[$0] }.filter { !$0.isTerminating }
    }

    func isReady(_ pod: Pod) -> Bool {
        pod.status.conditions?.first { $0.type == "Ready" }?.status == "True"
    }

    /// The template hash of a workload, cached by uid and generation (templates change only with the generation).
    func templateHash(of metadata: ObjectMeta, _ template: PodTemplateSpec) -> String {
        let key = "\(metadata.uid ?? "")/\(metadata.generation ?? 0)"
        if let cached = templateHashes[key] { return cached }
        let hash = templateHash(template)
        templateHashes[key] = hash
        return hash
    }

    /// A stable 10-character hash of a pod template, like `pod-template-hash`.
    func templateHash(_ template: PodTemplateSpec) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (try? encoder.encode(template)) ?? Data() {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<10).map { i in alphabet[Int((hash >> UInt64(i * 6)) % UInt64(alphabet.count))] })
    }

    func ownerReference(kind: String, apiVersion: String, metadata: ObjectMeta) -> OwnerReference {
        OwnerReference(
            apiVersion: apiVersion, kind: kind, name: metadata.name ?? "", uid: metadata.uid ?? "", controller: true,
            blockOwnerDeletion: true)
    }

    /// Creates a pod from a template for an owner.
    @discardableResult
    func createPod(
        from template: PodTemplateSpec, namespace: String, name: String? = nil, generateName: String? = nil,
        owner: OwnerReference, extraLabels: [String: String] = [:], nodeName: String? = nil,
        status: ((Pod) -> PodStatus)? = nil
    ) -> Pod? {
        var meta = template.metadata ?? ObjectMeta(name: "")
        meta.name = name
        meta.generateName = generateName
        meta.namespace = namespace
        meta.labels = (meta.labels ?? [:]).merging(extraLabels) { $1 }
        meta.ownerReferences = [owner]
        meta.uid = nil
        meta.resourceVersion = nil
        var spec = template.spec
        spec.nodeName = nodeName
        var pod = Pod(metadata: meta, spec: spec)
        pod.status = status?(pod) ?? PodStatus(phase: "Pending", qosClass: qosClass(spec))
        return try? store.create(pod)
    }

    func qosClass(_ spec: PodSpec) -> String {
        let resources = spec.containers.map { $0.resources ?? ResourceRequirements() }
        if resources.allSatisfy({ ($0.requests ?? [:]).isEmpty && ($0.limits ?? [:]).isEmpty }) { return "BestEffort" }
        let guaranteed = resources.allSatisfy { r in
            ["cpu", "memory"].allSatisfy { key in
                guard let limit = r.limits?[key] else { return false }
                return (r.requests?[key] ?? limit) == limit
            }
        }
        return guaranteed ? "Guaranteed" : "Burstable"
    }

    /// Starts a graceful delete of a pod (the kubelet finishes it).
    func deletePodGracefully(_ key: String, gracePeriod: Int64? = nil, condition: PodCondition? = nil) {
        var isBound = true
        store.modify(Pod.self, key) { pod in
            isBound = pod.spec.nodeName != nil
            guard pod.metadata.deletionTimestamp == nil else { return false }
            let grace = gracePeriod ?? pod.spec.terminationGracePeriodSeconds ?? 30
            pod.metadata.deletionTimestamp = timestamp.adding(seconds: grace)
            pod.metadata.deletionGracePeriodSeconds = grace
            if let condition {
                pod.status.conditions = (pod.status.conditions ?? []).filter { $0.type != condition.type } + [condition]
            }
            return true
        }
        // An unscheduled pod has no kubelet to wait for; a grace period of 0 removes the object at once (a force
        // delete: the API server does not wait for the kubelet).
        if !isBound || gracePeriod == 0 {
            store.remove(.pods, key)
            runtimes.removeValue(forKey: key)
        }
    }

    private func reconcile(_ replicaSet: ReplicaSet) {
        guard let namespace = replicaSet.metadata.namespace, let name = replicaSet.metadata.name else { return }
        let pods = ownedPodFacts(replicaSet.metadata.uid)
        let desired = Int(replicaSet.spec.replicas ?? 1)
        if pods.count < desired, replicaSet.metadata.deletionTimestamp == nil {
            let owner = ownerReference(kind: "ReplicaSet", apiVersion: "apps/v1", metadata: replicaSet.metadata)
            for _ in pods.count..<desired {
                createPod(from: replicaSet.spec.template, namespace: namespace, generateName: name + "-", owner: owner)
            }
        } else if pods.count > desired {
            let victims = pods.sorted { a, b in
                if a.isReady != b.isReady { return !a.isReady }
                return (a.creationTimestamp ?? Timestamp(seconds: 0)) > (b.creationTimestamp ?? Timestamp(seconds: 0))
            }.prefix(pods.count - desired)
            for pod in victims { deletePodGracefully(pod.key) }
        }
        let live = pods.count == desired ? pods : ownedPodFacts(replicaSet.metadata.uid)
        let ready = Int32(live.filter(\.isReady).count)
        let status = ReplicaSet.Status(
            replicas: Int32(live.count), fullyLabeledReplicas: Int32(live.count), readyReplicas: ready,
            availableReplicas: ready, observedGeneration: replicaSet.metadata.generation)
        if status != replicaSet.status {
            store.modify(ReplicaSet.self, replicaSet.storeKey) {
                $0.status = status
                return true
            }
        }
    }

    private func reconcile(_ deployment: Deployment, owned: [ReplicaSet]) {
        guard let namespace = deployment.metadata.namespace, let name = deployment.metadata.name else { return }
        let hash = templateHash(of: deployment.metadata, deployment.spec.template)
        let desired = deployment.spec.replicas ?? 1
        var newRS = owned.first { $0.metadata.labels?["pod-template-hash"] == hash }
        let old = owned.filter { $0.metadata.uid != newRS?.metadata.uid }
        if newRS == nil {
            var template = deployment.spec.template
            var templateMeta = template.metadata ?? ObjectMeta(name: "")
            templateMeta.name = nil
            templateMeta.labels = (templateMeta.labels ?? [:]).merging(["pod-template-hash": hash]) { $1 }
            template.metadata = templateMeta
            let revision =
                (old.compactMap { Int($0.metadata.annotations?["deployment.kubernetes.io/revision"] ?? "") }.max() ?? 0)
                + 1
            var meta = ObjectMeta(
                name: "\(name)-\(hash)", namespace: namespace, labels: templateMeta.labels,
                annotations: [
                    "deployment.kubernetes.io/revision": "\(revision)",
                    "deployment.kubernetes.io/desired-replicas": "\(desired)",
                ])
            meta.ownerReferences = [
                ownerReference(kind: "Deployment", apiVersion: "apps/v1", metadata: deployment.metadata)
            ]
            var selector = deployment.spec.selector
            selector.matchLabels = (selector.matchLabels ?? [:]).merging(["pod-template-hash": hash]) { $1 }
            let startReplicas = old.allSatisfy { ($0.spec.replicas ?? 0) == 0 } ? desired : 0
            newRS = try? store.create(
                ReplicaSet(metadata: meta, spec: .init(replicas: startReplicas, selector: selector, template: template))
            )
        }
        guard let current = newRS else { return }
        if deployment.spec.paused != true {
            rollOut(deployment, newRS: current, old: old)
        }
        let refreshed =
            owned.compactMap { store.get(ReplicaSet.self, $0.storeKey) }
            + (owned.contains { $0.metadata.uid == current.metadata.uid } ? [] : [current])
        updateStatus(of: deployment, hash: hash, owned: refreshed)
    }

    private func rollOut(_ deployment: Deployment, newRS: ReplicaSet, old: [ReplicaSet]) {
        let desired = Int(deployment.spec.replicas ?? 1)
        let rolling = deployment.spec.strategy?.rollingUpdate
        let maxUnavailable = rolling?.maxUnavailable?.scaled(against: desired, roundUp: false) ?? desired / 4
        let maxSurge = max(
            rolling?.maxSurge?.scaled(against: desired, roundUp: true) ?? Int((Double(desired) / 4).rounded(.up)),
            maxUnavailable == 0 ? 1 : 0)
        let oldActive = old.filter { ($0.spec.replicas ?? 0) > 0 }
        if oldActive.isEmpty {
            if Int(newRS.spec.replicas ?? 0) != desired { setReplicas(newRS, desired) }
            return
        }
        var total = old.reduce(Int(newRS.spec.replicas ?? 0)) { $0 + Int($1.spec.replicas ?? 0) }
        if Int(newRS.spec.replicas ?? 0) < desired, total < desired + maxSurge {
            let grow = min(desired - Int(newRS.spec.replicas ?? 0), desired + maxSurge - total)
            setReplicas(newRS, Int(newRS.spec.replicas ?? 0) + grow)
            total += grow
        }
        let ready = Int(newRS.status.readyReplicas ?? 0) + old.reduce(0) { $0 + Int($1.status.readyReplicas ?? 0) }
        var budget = ready - (desired - maxUnavailable)
        for replicaSet in oldActive {
            let replicas = Int(replicaSet.spec.replicas ?? 0)
            let unhealthy = max(0, replicas - Int(replicaSet.status.readyReplicas ?? 0))
            let cut = min(replicas, unhealthy + max(0, budget))
            guard cut > 0 else { continue }
            budget -= max(0, cut - unhealthy)
            setReplicas(replicaSet, replicas - cut)
        }
    }

    private func setReplicas(_ replicaSet: ReplicaSet, _ replicas: Int) {
        store.modify(ReplicaSet.self, replicaSet.storeKey) { rs in
            rs.spec.replicas = Int32(replicas)
            rs.metadata.generation = (rs.metadata.generation ?? 1) + 1
            return true
        }
    }

    private func updateStatus(of deployment: Deployment, hash: String, owned: [ReplicaSet]) {
        let replicas = owned.reduce(Int32(0)) { $0 + $1.status.replicas }
        let ready = owned.reduce(Int32(0)) { $0 + ($1.status.readyReplicas ?? 0) }
        let updated = owned.first { $0.metadata.labels?["pod-template-hash"] == hash }?.status.replicas ?? 0
        let desired = deployment.spec.replicas ?? 1
        let minAvailable =
            Int(desired)
            - (deployment.spec.strategy?.rollingUpdate?.maxUnavailable?.scaled(against: Int(desired), roundUp: false)
                ?? Int(desired) / 4)
        let available = ready >= Int32(minAvailable)
        var conditions = deployment.status.conditions ?? []
        let availableStatus = available ? "True" : "False"
        if conditions.first(where: { $0.type == "Available" })?.status != availableStatus {
            conditions.removeAll { $0.type == "Available" }
            conditions.append(
                WorkloadCondition(
                    type: "Available", status: availableStatus, lastUpdateTime: timestamp,
                    lastTransitionTime: timestamp,
                    reason: available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    message: available
                        ? "Deployment has minimum availability." : "Deployment does not have minimum availability."))
        }
        if !conditions.contains(where: { $0.type == "Progressing" }) {
            conditions.append(
                WorkloadCondition(
                    type: "Progressing", status: "True", lastUpdateTime: timestamp, lastTransitionTime: timestamp,
                    reason: "NewReplicaSetAvailable",
                    message: "ReplicaSet \"\(deployment.metadata.name ?? "")-\(hash)\" has successfully progressed."))
        }
        let status = Deployment.Status(
            observedGeneration: deployment.metadata.generation, replicas: replicas, updatedReplicas: updated,
            readyReplicas: ready, availableReplicas: ready,
            unavailableReplicas: max(0, desired - ready) == 0 ? nil : max(0, desired - ready), conditions: conditions)
        if status != deployment.status {
            store.modify(Deployment.self, deployment.storeKey) {
                $0.status = status
                return true
            }
        }
    }
}
