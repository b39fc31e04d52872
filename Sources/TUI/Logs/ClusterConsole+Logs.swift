import ClusterModel

extension ClusterConsole {
    /// The pod (and container) whose log a pane's row leads to: a pod, a container's restarts, or a signal about a pod;
    /// nil for nodes, workloads and pods no longer in the cluster.
    public func logSubject(pane: PaneID, row: Int) -> LogSubject? {
        let target: (key: ObjectKey, container: String?)?
        switch pane {
        case .pods: target = pods.row(at: row).map { ($0.pod.key, nil) }
        case .nodes, .workloads: target = nil
        case .restarts:
            target = restarts.row(at: row).map {
                (ObjectKey(namespace: $0.container.namespace, name: $0.container.pod), $0.container.container)
            }
        case .signals: target = signals.row(at: row).flatMap { Self.podTarget($0.observation.subject) }
        case .timeline: target = timeline.row(at: row).flatMap { $0.entry.subject.flatMap(Self.podTarget) }
        case .events: target = events.row(at: row).flatMap { Self.podTarget($0.group.object) }
        }
        guard let target, let pod = data?.snapshot.pods[target.key] else { return nil }
        let containers = pod.containers.map { spec in
            Self.choice(spec.name, status: pod.containerStatuses.first { $0.name == spec.name })
        }
        return LogSubject(
            namespace: pod.namespace, pod: pod.name, containers: containers,
            container: target.container.flatMap { name in containers.contains { $0.name == name } ? name : nil })
    }

    private static func podTarget(_ subject: ObservationSubject) -> (ObjectKey, String?)? {
        guard subject.kind == "Pod", let namespace = subject.namespace else { return nil }
        return (ObjectKey(namespace: namespace, name: subject.name), subject.container)
    }

    /// A container as the picker lists it: `Running`, `CrashLoopBackOff`; its last run `OOMKilled, exit 137`.
    static func choice(_ name: String, status: ContainerStatusSummary?) -> ContainerChoice {
        guard let status else { return ContainerChoice(name: name, state: "not started") }
        let state =
            switch status.state {
            case .none: "unknown"
            case .waiting(let reason, _): reason ?? "Waiting"
            case .running: "Running"
            case .terminated(let termination): "Terminated: \(termination.reason ?? "exit \(termination.exitCode)")"
            }
        let last = status.lastState.termination.map { "\($0.reason ?? "Terminated"), exit \($0.exitCode)" }
        return ContainerChoice(name: name, state: state, restarts: status.restartCount, lastTermination: last)
    }
}
