extension ClusterSnapshot {
    /// The pods bound to `node` (any phase), in key order.
    public func pods(onNode node: String) -> [PodSummary] {
        podsByNode[node].sorted().compactMap { pods[$0] }
    }

    /// The pods whose top-level controller is `owner`, in key order: a Deployment's pods are those of the
    /// ReplicaSets it controls, a CronJob's those of its Jobs (as `owningWorkload(of:)` names them).
    public func pods(ownedBy owner: OwnerKey) -> [PodSummary] {
        var keys = podsByController[owner]
        let children: (index: ObjectIndex<OwnerKey>, kind: String)? =
            switch owner.kind {
            case "Deployment": (replicaSetsByController, "ReplicaSet")
            case "CronJob": (jobsByController, "Job")
            default: nil
            }
        if let children {
            for child in children.index[owner] {
                keys.formUnion(
                    podsByController[OwnerKey(kind: children.kind, namespace: child.namespace, name: child.name)])
            }
        }
        return keys.sorted().compactMap { pods[$0] }
    }

    /// The ReplicaSets a Deployment controls, in key order.
    public func replicaSets(ownedBy owner: OwnerKey) -> [WorkloadSummary] {
        replicaSetsByController[owner].sorted().compactMap { replicaSets[$0] }
    }

    /// The Jobs a CronJob created, in key order.
    public func jobs(ownedBy owner: OwnerKey) -> [JobSummary] {
        jobsByController[owner].sorted().compactMap { jobs[$0] }
    }

    /// The ControllerRevisions of a StatefulSet or DaemonSet, in key order.
    public func controllerRevisions(ownedBy owner: OwnerKey) -> [RevisionSummary] {
        revisionsByController[owner].sorted().compactMap { controllerRevisions[$0] }
    }

    /// The pods whose controller is exactly `owner` (a ReplicaSet's own pods, not its Deployment's), in key order.
    public func pods(controlledBy owner: OwnerKey) -> [PodSummary] {
        podsByController[owner].sorted().compactMap { pods[$0] }
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
