import ClusterModel

/// Makes plans: pure functions of a runbook, a target, the store's view, the objects' JSON and parameter values.
public enum RunbookPlanner {
    /// The objects (and subresources) whose current JSON `plan` needs: fetch them, then plan.
    public static func objectsNeeded(_ runbook: Runbook, target: RunbookTarget, snapshot: ClusterSnapshot)
        throws(RunbooksError) -> [ObjectRef]
    {
        guard runbook.accepts(target.kind) else {
            throw .targetNotAccepted(runbook: runbook.id, kind: target.kind, accepted: runbook.targets)
        }
        return try SubjectResolver.objectsNeeded(runbook, target: target, snapshot: snapshot)
    }

    /// The plan of `runbook` on `input.target`; throws when the target does not fit, a precondition fails, or a
    /// parameter is invalid or above its cap.
    public static func plan(_ runbook: Runbook, _ input: PlanningInput) throws(RunbooksError) -> RunbookPlan {
        let target = input.target
        let objectsNeeded = try objectsNeeded(runbook, target: target, snapshot: input.snapshot)
        for object in objectsNeeded where object.subresource == nil && input.objects[object] == nil {
            throw .targetNotFound(object.description)
        }
        let otherwise = runbook.preconditions.first { $0.kind == .ownedByWorkload }?.otherwise
        let subject =
            try runbook.steps.first.map { step throws(RunbooksError) in
                try SubjectResolver.subject(
                    for: step.kind, target: target, snapshot: input.snapshot, otherwise: otherwise)
            } ?? target.object
        guard let subjectJSON = input.objects[subject] else { throw .targetNotFound(subject.description) }

        var container = try SelectionFacts.defaultContainer(
            target: target, subject: subject, objects: input.objects, snapshot: input.snapshot)
        if let spec = runbook.parameters.first(where: { $0.type == .container }), let named = input.settings[spec.name]
        {
            let names = PodSpecJSON.containerNames(of: subjectJSON, kind: subject.kind)
            guard names.contains(named) else {
                throw .noSuchContainer(named, object: subject.description, available: names)
            }
            container = named
        }
        var scope = SelectionFacts.scope(
            target: target, subject: subject, container: container, objects: input.objects,
            snapshot: input.snapshot, now: input.now)
        try PreconditionCheck.check(
            runbook.preconditions, target: target, subject: subject, subjectJSON: subjectJSON,
            podJSON: input.objects[target.object], scope: scope, snapshot: input.snapshot)
        let (values, parameters) = try ParameterResolver.resolve(
            runbook.parameters, settings: input.settings, scope: scope, runbook: runbook.id)
        scope.values.merge(values) { _, parameter in parameter }

        var outcomes: [StepOutcome] = []
        for step in runbook.steps {
            let stepSubject = try SubjectResolver.subject(
                for: step.kind, target: target, snapshot: input.snapshot, otherwise: otherwise)
            guard let json = input.objects[stepSubject] else { throw .targetNotFound(stepSubject.description) }
            let planner = StepPlanner(
                target: target, subject: stepSubject, subjectJSON: json, input: input, scope: scope)
            outcomes.append(try planner.plan(step))
        }
        let verification = try verificationPlan(
            runbook.verification, subject: subject, subjectJSON: subjectJSON, outcomes: outcomes, scope: scope,
            input: input)
        let skipped = outcomes.compactMap(\.skipReason)
        outcomes.removeAll { $0.skipReason != nil }
        var rollback: [KubeWrite] = []
        var rollbackUnavailable: String?
        if runbook.rollback.kind == .none {
            rollbackUnavailable = "the runbook has no rollback"
        } else if let reason = outcomes.compactMap(\.inverseUnavailable).first {
            rollbackUnavailable = reason
        } else {
            rollback = outcomes.reversed().compactMap(\.inverse)
        }
        var accessChecks: [AccessAttributes] = []
        for outcome in outcomes {
            for write in outcome.accessWrites ?? [outcome.step.write] {
                let attributes = AccessAttributes(write)
                if !accessChecks.contains(attributes) { accessChecks.append(attributes) }
            }
        }
        let capped = parameters.compactMap { parameter -> String? in
            if case .capped(let cap) = parameter.source {
                return "\(parameter.name) capped at \(parameter.value) (\(cap))"
            }
            return nil
        }
        var notes = capped + skipped
        for note in outcomes.flatMap(\.notes) where !notes.contains(note) { notes.append(note) }
        var nodeGuard: NodeGuard?
        for precondition in runbook.preconditions where nodeGuard == nil {
            nodeGuard = try PreconditionCheck.nodeGuard(precondition, target: target)
        }
        return RunbookPlan(
            runbook: runbook.id, title: runbook.title, risk: runbook.risk, target: target, subject: subject,
            parameters: parameters, steps: outcomes.map(\.step), verification: verification, rollback: rollback,
            rollbackUnavailable: rollbackUnavailable, accessChecks: accessChecks, snapshot: subjectJSON,
            blastRadius: outcomes.map(\.radius).reduce(BlastRadius()) { $0.merging($1) }, notes: notes,
            confirmation: confirmation(runbook.risk, subject: subject),
            otherwise: runbook.preconditions.compactMap(\.otherwise).first,
            alreadyDone: outcomes.isEmpty && !skipped.isEmpty ? skipped.joined(separator: "; ") : nil,
            nodeGuard: nodeGuard)
    }

    static func confirmation(_ risk: RunbookRisk, subject: ObjectRef) -> ConfirmationKind {
        switch risk {
        case .readOnly: .none
        case .reversible: .yesNo
        case .disruptive: .typeName(subject.name)
        }
    }

    private static func verificationPlan(
        _ spec: VerifySpec, subject: ObjectRef, subjectJSON: JSONValue, outcomes: [StepOutcome],
        scope: TemplateScope, input: PlanningInput
    ) throws(RunbooksError) -> PlannedVerification {
        func duration(_ name: String) throws(RunbooksError) -> Double {
            guard let template = spec.fields[name]?.template else { return 0 }
            guard case .duration(let seconds, _) = try scope.evaluate(template, as: .duration) else { return 0 }
            return seconds
        }
        let container =
            try spec.fields["container"]?.template.map { t throws(RunbooksError) in try scope.evaluate(t).description }
            ?? scope.values[SelectionVariable.container.rawValue]?.description
        let expected = outcomes.compactMap(\.expectedResources).first { $0.container == container }?.resources
        let condition: VerificationCondition
        switch spec.kind {
        case .rolloutComplete:
            let podsBefore = Set(BlastRadius.pods(of: subject, in: input.snapshot).map(\.uid))
            condition = .rolloutComplete(
                workload: subject, container: container, expected: expected, podsBefore: podsBefore,
                quietFor: try duration("no_new_oom_for"))
        case .resizeApplied:
            condition = .resizeApplied(
                pod: subject.key, uid: subjectJSON[path: ["metadata", "uid"]]?.stringValue ?? "",
                container: container ?? "", expected: expected ?? ContainerResources(),
                quietFor: try duration("no_new_oom_for"))
        case .podReplaced:
            let owner = input.snapshot.pods[subject.key].flatMap { input.snapshot.owningWorkload(of: $0) }
            condition = .podReplaced(
                pod: subject.key, uid: subjectJSON[path: ["metadata", "uid"]]?.stringValue ?? "",
                owner: owner.map { ObjectRef(kind: $0.kind, namespace: subject.namespace, name: $0.name) })
        case .replicasReady:
            condition = .replicasReady(workload: subject, replicas: outcomes.compactMap(\.replicas).last ?? 0)
        case .noNewJobs:
            let window = try duration("window")
            condition = .noNewJobs(cronJob: subject.key, window: window > 0 ? window : 120)
        case .none:
            condition = .none
        }
        return PlannedVerification(condition: condition, timeout: spec.timeout)
    }
}
