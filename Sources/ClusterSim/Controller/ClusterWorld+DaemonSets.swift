extension ClusterWorld {
    /// One pod per node; a changed template replaces pods one node at a time.
    func reconcile(_ daemonSet: DaemonSet) {
        guard let namespace = daemonSet.metadata.namespace, let name = daemonSet.metadata.name else { return }
        let hash = templateHash(of: daemonSet.metadata, daemonSet.spec.template)
        keepRevision(
            kind: "DaemonSet", owner: daemonSet.metadata, template: daemonSet.spec.template, hash: hash,
            labelKey: "controller-revision-hash", historyLimit: daemonSet.spec.revisionHistoryLimit)
        let nodes = store.all(Node.self)
        let pods = ownedPods(daemonSet.metadata.uid)
        var byNode: [String: [Pod]] = [:]
        for pod in pods { byNode[pod.spec.nodeName ?? "", default: []].append(pod) }
        let owner = ownerReference(kind: "DaemonSet", apiVersion: "apps/v1", metadata: daemonSet.metadata)
        var replacing = pods.contains { $0.metadata.labels?["controller-revision-hash"] != hash && !isReady($0) }
        for node in nodes {
            let nodeName = node.metadata.name ?? ""
            let onNode = byNode[nodeName] ?? []
            if onNode.isEmpty {
                createPod(
                    from: daemonSet.spec.template, namespace: namespace, generateName: name + "-", owner: owner,
                    extraLabels: ["controller-revision-hash": hash], nodeName: nodeName)
            } else if let stale = onNode.first(where: { $0.metadata.labels?["controller-revision-hash"] != hash }),
                !replacing,
                daemonSet.spec.updateStrategy?.type != "OnDelete"
            {
                deletePodGracefully(stale.storeKey)
                replacing = true
            }
        }
        let live = ownedPods(daemonSet.metadata.uid)
        let ready = Int32(live.filter(isReady).count)
        let status = DaemonSet.Status(
            currentNumberScheduled: Int32(Set(live.compactMap(\.spec.nodeName)).count), numberMisscheduled: 0,
            desiredNumberScheduled: Int32(nodes.count), numberReady: ready,
            observedGeneration: daemonSet.metadata.generation,
            updatedNumberScheduled: Int32(
                live.filter { $0.metadata.labels?["controller-revision-hash"] == hash }.count),
            numberAvailable: ready, numberUnavailable: Int32(nodes.count) - ready > 0 ? Int32(nodes.count) - ready : nil
        )
        if status != daemonSet.status {
            store.modify(DaemonSet.self, daemonSet.storeKey) {
                $0.status = status
                return true
            }
        }
    }

    /// Ordered pods `name-0…name-(n-1)`; a changed template replaces the highest ordinal first, one at a time.
    func reconcile(_ statefulSet: StatefulSet) {
        guard let namespace = statefulSet.metadata.namespace, let name = statefulSet.metadata.name else { return }
        let hash = templateHash(of: statefulSet.metadata, statefulSet.spec.template)
        keepRevision(
            kind: "StatefulSet", owner: statefulSet.metadata, template: statefulSet.spec.template, hash: hash,
            labelKey: "controller.kubernetes.io/hash", historyLimit: statefulSet.spec.revisionHistoryLimit)
        let desired = Int(statefulSet.spec.replicas ?? 1)
        let pods = ownedPods(statefulSet.metadata.uid)
        let byName = Dictionary(pods.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let owner = ownerReference(kind: "StatefulSet", apiVersion: "apps/v1", metadata: statefulSet.metadata)
        let terminating = (store.podsByOwner[statefulSet.metadata.uid ?? ""] ?? []).count > pods.count
        for ordinal in 0..<desired {
            let podName = "\(name)-\(ordinal)"
            if let pod = byName[podName] {
                if !isReady(pod) { break }
                continue
            }
            if store.get(Pod.self, StoreKey.make(namespace: namespace, name: podName)) == nil {
                createPod(
                    from: statefulSet.spec.template, namespace: namespace, name: podName, owner: owner,
                    extraLabels: [
                        "controller-revision-hash": "\(name)-\(hash)", "statefulset.kubernetes.io/pod-name": podName,
                    ])
            }
            break
        }
        for pod in pods {
            let ordinal = Int(pod.metadata.name?.split(separator: "-").last ?? "") ?? 0
            if ordinal >= desired { deletePodGracefully(pod.storeKey) }
        }
        if !terminating, pods.count == desired, pods.allSatisfy(isReady),
            statefulSet.spec.updateStrategy?.type != "OnDelete",
            let stale = pods.filter({ $0.metadata.labels?["controller-revision-hash"] != "\(name)-\(hash)" }).last
        {
            deletePodGracefully(stale.storeKey)
        }
        let live = ownedPods(statefulSet.metadata.uid)
        let ready = Int32(live.filter(isReady).count)
        let updated = Int32(live.filter { $0.metadata.labels?["controller-revision-hash"] == "\(name)-\(hash)" }.count)
        let status = StatefulSet.Status(
            observedGeneration: statefulSet.metadata.generation, replicas: Int32(live.count), readyReplicas: ready,
            currentReplicas: updated, updatedReplicas: updated, availableReplicas: ready,
            currentRevision: "\(name)-\(hash)", updateRevision: "\(name)-\(hash)")
        if status != statefulSet.status {
            store.modify(StatefulSet.self, statefulSet.storeKey) {
                $0.status = status
                return true
            }
        }
    }
}
