extension ClusterSnapshot {
    /// The pods bound to `node` (any phase), in key order.
    public func pods(onNode node: String) -> [PodSummary] {
        podsByNode[node].sorted().compactMap { pods[$0] }
    }

    /// The pods whose top-level controller is `owner`, in key order: a Deployment's pods are those of the
    /// ReplicaSets it controls (as `owningWorkload(of:)` names a Deployment for them).
    public func pods(ownedBy owner: OwnerKey) -> [PodSummary] {
        var keys = podsByController[owner]
        if owner.kind == "Deployment" {
            for replicaSet in replicaSetsByController[owner] {
                keys.formUnion(
                    podsByController[
                        OwnerKey(kind: "ReplicaSet", namespace: replicaSet.namespace, name: replicaSet.name)]
                )
            }
        }
        return keys.sorted().compactMap { pods[$0] }
    }

    /// What the pods on `node` ask for; terminated pods count for nothing.
    public func podTotals(onNode node: String) -> PodTotals {
        nodeTotals[node] ?? .zero
    }

    /// What the running pods on `node` use, as far as `metrics` knows.
    public func usage(onNode node: String, metrics: MetricsSnapshot) -> NodeUsage {
        var usage = NodeUsage()
        guard !metrics.containers.isEmpty else { return usage }
        for key in podsByNode[node] {
            guard let pod = pods[key], !pod.hasTerminated else { continue }
            for container in pod.containers {
                guard
                    let sample = metrics.containers[
                        ContainerRef(namespace: pod.namespace, pod: pod.name, container: container.name)]
                else { continue }
                if let cpu = sample.cpuUsageMillis { usage.cpuMillis = (usage.cpuMillis ?? 0) + cpu }
                if let bytes = sample.workingSetBytes { usage.workingSetBytes = (usage.workingSetBytes ?? 0) + bytes }
            }
        }
        return usage
    }
}
