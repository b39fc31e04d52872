import ClusterModel
import Foundation

/// Finds the changes people (or controllers) made between two store snapshots: rollouts, limit changes, cordons and
/// scales. Pure.
public enum ChangeDetector {
    /// Changes from `before` to `after`, as entry drafts at `clusterTime`.
    public static func changes(
        from before: ClusterSnapshot, to after: ClusterSnapshot, context: String, at clusterTime: Date
    ) -> [EntryDraft] {
        var drafts: [EntryDraft] = []
        func add(_ subject: ObservationSubject, _ change: ChangeRecord, _ summary: String) {
            drafts.append(
                EntryDraft(
                    context: context, clusterTime: clusterTime, source: "store", subject: subject, summary: summary,
                    evidence: [
                        "before": change.before.map(EvidenceValue.string) ?? .null,
                        "after": change.after.map(EvidenceValue.string) ?? .null,
                    ],
                    body: .changeSeen(change)))
        }
        for kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] {
            let old = workloads(of: kind, in: before)
            for (key, new) in workloads(of: kind, in: after).sorted(by: { $0.key < $1.key }) {
                guard let previous = old[key], previous.resourceVersion != new.resourceVersion else { continue }
                if kind == "ReplicaSet", new.controller != nil { continue }
                let subject = ObservationSubject(kind: kind, namespace: key.namespace, name: key.name)
                for (change, summary) in workloadChanges(from: previous, to: new) { add(subject, change, summary) }
            }
        }
        for (key, new) in after.nodes.sorted(by: { $0.key < $1.key }) {
            guard let previous = before.nodes[key], previous.isUnschedulable != new.isUnschedulable else { continue }
            let subject = ObservationSubject(kind: "Node", name: new.name)
            let change = ChangeRecord(
                change: new.isUnschedulable ? .cordon : .uncordon, before: schedulable(previous),
                after: schedulable(new))
            add(subject, change, "\(new.isUnschedulable ? "cordoned" : "uncordoned") node \(new.name)")
        }
        for (key, new) in after.pods where before.pods[key].map({ $0.containers != new.containers }) == true {
            guard let previous = before.pods[key] else { continue }
            for (container, was, now) in resourceChanges(from: previous.containers, to: new.containers) {
                let subject = ObservationSubject(
                    kind: "Pod", namespace: key.namespace, name: key.name, container: container)
                add(
                    subject, ChangeRecord(change: .limitChange, before: was, after: now),
                    "resized container \(container) of pod \(key): \(was) → \(now)")
            }
        }
        return drafts
    }

    /// The workloads of one kind.
    static func workloads(of kind: String, in snapshot: ClusterSnapshot) -> [ObjectKey: WorkloadSummary] {
        switch kind {
        case "Deployment": snapshot.deployments
        case "StatefulSet": snapshot.statefulSets
        case "DaemonSet": snapshot.daemonSets
        default: snapshot.replicaSets
        }
    }

    /// Scale, limit changes (one per container) and rollouts (a new generation with neither) of one workload.
    static func workloadChanges(from old: WorkloadSummary, to new: WorkloadSummary) -> [(ChangeRecord, String)] {
        var result: [(ChangeRecord, String)] = []
        let name = "\(new.kind) \(new.key)"
        if new.kind != "DaemonSet", old.desiredReplicas != new.desiredReplicas {
            result.append(
                (
                    ChangeRecord(change: .scale, before: "\(old.desiredReplicas)", after: "\(new.desiredReplicas)"),
                    "scaled \(name) from \(old.desiredReplicas) to \(new.desiredReplicas) replicas"
                ))
        }
        let resources = resourceChanges(from: old.templateContainers, to: new.templateContainers)
        for (container, was, now) in resources {
            result.append(
                (
                    ChangeRecord(change: .limitChange, before: was, after: now),
                    "changed resources of container \(container) in \(name): \(was) → \(now)"
                ))
        }
        if resources.isEmpty, new.generation > old.generation, old.desiredReplicas == new.desiredReplicas {
            result.append(
                (
                    ChangeRecord(
                        change: .rollout, before: "generation \(old.generation)",
                        after: "generation \(new.generation)"),
                    "rolled out \(name) (generation \(old.generation) → \(new.generation))"
                ))
        }
        return result
    }

    /// Containers whose requests or limits differ: name, before, after (`memory limit 170Mi, cpu limit 1`).
    static func resourceChanges(
        from old: [ContainerSpecSummary], to new: [ContainerSpecSummary]
    ) -> [(String, String, String)] {
        new.compactMap { container in
            guard let previous = old.first(where: { $0.name == container.name }),
                previous.resources != container.resources
            else { return nil }
            return (container.name, describe(previous.resources), describe(container.resources))
        }
    }

    /// `requests cpu 100m memory 70Mi, limits memory 170Mi`.
    static func describe(_ resources: ContainerResources) -> String {
        func part(_ label: String, cpu: Int64?, memory: Int64?) -> String? {
            let values = [
                cpu.map { "cpu \(QuantityText.millicores($0))" }, memory.map { "memory \(QuantityText.bytes($0))" },
            ]
            .compactMap { $0 }
            return values.isEmpty ? nil : "\(label) " + values.joined(separator: " ")
        }
        let parts = [
            part("requests", cpu: resources.cpuRequestMillis, memory: resources.memoryRequestBytes),
            part("limits", cpu: resources.cpuLimitMillis, memory: resources.memoryLimitBytes),
        ].compactMap { $0 }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    static func schedulable(_ node: NodeSummary) -> String { node.isUnschedulable ? "unschedulable" : "schedulable" }
}

/// Short quantity formats for change summaries (binary units for memory, cores or millicores for CPU).
enum QuantityText {
    static func bytes(_ value: Int64) -> String {
        for (suffix, size) in [("Gi", Int64(1) << 30), ("Mi", Int64(1) << 20), ("Ki", Int64(1) << 10)]
        where value >= size && value % size == 0 {
            return "\(value / size)\(suffix)"
        }
        return "\(value)"
    }

    static func millicores(_ value: Int64) -> String { value % 1000 == 0 ? "\(value / 1000)" : "\(value)m" }
}
