import ClusterModel

/// Which object each step acts on: the pod itself, or the workload that owns it.
enum SubjectResolver {
    /// The object a step of `kind` changes when run on `target`. `otherwise` is the runbook to suggest when a pod
    /// has no owner to change.
    static func subject(
        for kind: StepKind, target: RunbookTarget, snapshot: ClusterSnapshot, otherwise: String?
    ) throws(RunbooksError) -> ObjectRef {
        switch kind {
        case .setTemplateResources, .restartRollout, .scale:
            let allowed: Set<String> =
                kind == .scale ? ["Deployment", "StatefulSet"] : ["Deployment", "StatefulSet", "DaemonSet"]
            let workload = try owningWorkload(of: target, snapshot: snapshot, allowed: allowed, otherwise: otherwise)
            guard allowed.contains(workload.kind) else {
                throw .preconditionFailed(
                    "\(workload) cannot be changed by \(kind.rawValue) (only a \(kindList(allowed)))",
                    otherwise: nil)
            }
            return workload
        case .resizePod, .deletePod:
            return target.object
        case .patch, .cordon, .uncordon, .evictPods:
            return target.object
        }
    }

    /// The workload itself, or a pod's controller (a ReplicaSet's Deployment).
    static func owningWorkload(
        of target: RunbookTarget, snapshot: ClusterSnapshot, allowed: Set<String>, otherwise: String?
    ) throws(RunbooksError) -> ObjectRef {
        guard target.kind == .pod || target.kind == .container else { return target.object }
        guard let pod = snapshot.pods[ObjectKey(namespace: target.namespace, name: target.name)] else {
            throw .targetNotFound("pod \(target.namespace)/\(target.name)")
        }
        guard let owner = snapshot.owningWorkload(of: pod), allowed.contains(owner.kind) else {
            let controller = pod.controller.map { " (its controller is \($0.kind) \($0.name))" } ?? ""
            throw .preconditionFailed(
                "pod \(pod.namespace)/\(pod.name) has no owning \(kindList(allowed))"
                    + controller,
                otherwise: otherwise)
        }
        return ObjectRef(kind: owner.kind, namespace: pod.namespace, name: owner.name)
    }

    /// `Deployment, StatefulSet or DaemonSet`.
    static func kindList(_ kinds: Set<String>) -> String {
        let ordered = ["Deployment", "StatefulSet", "DaemonSet"].filter(kinds.contains)
        guard ordered.count > 1 else { return ordered.first ?? "" }
        return ordered.dropLast().joined(separator: ", ") + " or " + (ordered.last ?? "")
    }

    /// Every object (and subresource) whose current JSON a plan of `runbook` on `target` reads.
    static func objectsNeeded(_ runbook: Runbook, target: RunbookTarget, snapshot: ClusterSnapshot)
        throws(RunbooksError) -> [ObjectRef]
    {
        let otherwise = runbook.preconditions.first { $0.kind == .ownedByWorkload }?.otherwise
        var objects: [ObjectRef] = []
        func add(_ object: ObjectRef) {
            if !objects.contains(object) { objects.append(object) }
        }
        if runbook.preconditions.contains(where: { $0.kind == .ownedByWorkload }) {
            _ = try owningWorkload(
                of: target, snapshot: snapshot, allowed: ["Deployment", "StatefulSet", "DaemonSet"],
                otherwise: otherwise)
        }
        for step in runbook.steps {
            let subject = try subject(for: step.kind, target: target, snapshot: snapshot, otherwise: otherwise)
            add(subject)
            if step.kind == .scale { add(subject.with(subresource: "scale")) }
        }
        if target.kind == .pod || target.kind == .container { add(target.object) }
        return objects
    }
}
