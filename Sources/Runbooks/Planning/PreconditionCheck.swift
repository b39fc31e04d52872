import ClusterModel

/// Asserts a runbook's preconditions on the state read for planning.
enum PreconditionCheck {
    static func check(
        _ preconditions: [PreconditionSpec], target: RunbookTarget, subject: ObjectRef, subjectJSON: JSONValue,
        podJSON: JSONValue?, scope: TemplateScope, snapshot: ClusterSnapshot
    ) throws(RunbooksError) {
        for precondition in preconditions {
            let otherwise = precondition.otherwise
            switch precondition.kind {
            case .ownedByWorkload:
                _ = try SubjectResolver.owningWorkload(
                    of: target, snapshot: snapshot, allowed: ["Deployment", "StatefulSet", "DaemonSet"],
                    otherwise: otherwise)
            case .hasLimit:
                let resource = precondition.fields["resource"]?.template?.raw ?? "memory"
                let variable = resource == "cpu" ? SelectionVariable.cpuLimit : .memoryLimit
                if scope.values[variable.rawValue] == nil {
                    throw .preconditionFailed(
                        scope.missing[variable.rawValue] ?? "no \(resource) limit is set", otherwise: otherwise)
                }
            case .notPaused:
                if subjectJSON[path: ["spec", "paused"]]?.boolValue == true {
                    throw .preconditionFailed(
                        "\(subject) is paused: can't restart a paused deployment (run rollout resume first)",
                        otherwise: otherwise)
                }
            case .notSuspended:
                if subjectJSON[path: ["spec", "suspend"]]?.boolValue == true {
                    throw .preconditionFailed("\(subject) is already suspended", otherwise: otherwise)
                }
            case .keepsSchedulable:
                if let refusal = try nodeGuard(precondition, target: target)?.refusal(in: snapshot) {
                    throw .preconditionFailed(refusal, otherwise: otherwise)
                }
            case .podRunning:
                let phase = podJSON?[path: ["status", "phase"]]?.stringValue ?? "Unknown"
                if phase != "Running" {
                    throw .preconditionFailed(
                        "pod \(target.namespace)/\(target.name) is \(phase), not Running",
                        otherwise: otherwise)
                }
            }
        }
    }

    /// The guard rail a `keeps-schedulable` precondition sets on a node target (`fraction`, default 2/3).
    static func nodeGuard(_ precondition: PreconditionSpec, target: RunbookTarget) throws(RunbooksError)
        -> NodeGuard?
    {
        guard precondition.kind == .keepsSchedulable, target.kind == .node else { return nil }
        guard let fraction = precondition.fields["fraction"]?.template?.raw else { return NodeGuard(node: target.name) }
        return try NodeGuard(node: target.name, parsing: fraction)
    }
}
