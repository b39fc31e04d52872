import ClusterModel
import Runbooks

extension ClusterConsole {
    /// What a runbook would act on for a pane's row: a pod, one container of a pod (a restart or a signal about a
    /// container), a node, or a workload; nil for rows no runbook can act on (a Job, an event about a Service).
    public func runbookTarget(pane: PaneID, row: Int) -> RunbookTarget? {
        switch pane {
        case .pods:
            return pods.row(at: row).map { RunbookTarget(kind: .pod, namespace: $0.pod.namespace, name: $0.pod.name) }
        case .nodes:
            return nodes.row(at: row).map { RunbookTarget(kind: .node, namespace: "", name: $0.node.name) }
        case .restarts:
            return restarts.row(at: row).map {
                RunbookTarget(
                    kind: .container, namespace: $0.container.namespace, name: $0.container.pod,
                    container: $0.container.container)
            }
        case .workloads:
            return workloads.row(at: row).flatMap { row in
                TargetKind(kindName: row.status.owner.kind).map {
                    RunbookTarget(kind: $0, namespace: row.status.owner.namespace, name: row.status.owner.name)
                }
            }
        case .signals: return signals.row(at: row).flatMap { Self.runbookTarget($0.observation.subject) }
        case .events: return events.row(at: row).flatMap { Self.runbookTarget($0.group.object) }
        case .timeline: return timeline.row(at: row).flatMap { $0.entry.subject.flatMap(Self.runbookTarget) }
        }
    }

    static func runbookTarget(_ subject: ObservationSubject) -> RunbookTarget? {
        guard let kind = TargetKind(kindName: subject.kind) else { return nil }
        if kind == .pod, let container = subject.container {
            return RunbookTarget(
                kind: .container, namespace: subject.namespace ?? "", name: subject.name, container: container)
        }
        return RunbookTarget(kind: kind, namespace: subject.namespace ?? "", name: subject.name)
    }
}
