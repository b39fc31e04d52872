import ClusterModel

/// What planning one step yields besides its request: the inverse write, the blast radius, notes, and what
/// verification needs to know.
struct StepOutcome {
    var step: PlannedStep
    var inverse: KubeWrite?
    /// Why there is no inverse.
    var inverseUnavailable: String?
    var radius = BlastRadius()
    var notes: [String] = []
    /// For resource changes: the container and its resources afterwards.
    var expectedResources: (container: String, resources: ContainerResources)?
    /// For scales: the replicas asked for.
    var replicas: Int?
    /// Why the step is left out: the object is already as it would make it (`already cordoned`).
    var skipReason: String?
    /// The writes whose permissions to check, when not just the step's own (a drain's evictions).
    var accessWrites: [KubeWrite]?
}

/// Turns one step of a runbook into its request, from the subject's JSON and the resolved scope.
struct StepPlanner {
    var target: RunbookTarget
    var subject: ObjectRef
    var subjectJSON: JSONValue
    var input: PlanningInput
    var scope: TemplateScope

    var resourceVersion: String? { subjectJSON[path: ["metadata", "resourceVersion"]]?.stringValue }

    func plan(_ step: StepSpec) throws(RunbooksError) -> StepOutcome {
        guard let resource = subject.resource else { throw .targetNotFound(subject.description) }
        switch step.kind {
        case .setTemplateResources: return try templateResources(step, resource: resource)
        case .resizePod: return try resize(step)
        case .restartRollout: return restart(step, resource: resource)
        case .deletePod: return try delete(step)
        case .scale: return try scale(step, resource: resource)
        case .patch: return try patch(step, resource: resource)
        case .cordon: return cordon(step, unschedulable: true)
        case .uncordon: return cordon(step, unschedulable: false)
        case .evictPods: return try evictPods(step)
        }
    }

    func planned(_ step: StepSpec, _ write: KubeWrite, before: JSONValue? = nil, expected: [String]) -> PlannedStep {
        PlannedStep(
            name: step.name, kind: step.kind, write: write, before: before ?? subjectJSON, expected: expected,
            timeout: step.timeout, retries: step.retries, onFailure: step.onFailure)
    }

    /// `kubectl cordon` / `uncordon`: a strategic-merge patch of `spec.unschedulable` to `true` / `null`. Like
    /// kubectl it carries no resourceVersion: a node's status changes every few seconds, and the patch means the
    /// same whatever else changed. A node already as asked leaves the step out.
    private func cordon(_ step: StepSpec, unschedulable: Bool) -> StepOutcome {
        let current = subjectJSON[path: ["spec", "unschedulable"]]?.boolValue == true
        func write(_ value: Bool) -> KubeWrite {
            KubeWrite.patch(
                .nodes, namespace: nil, name: subject.name, type: .strategicMerge,
                body: ["spec": ["unschedulable": value ? .bool(true) : .null]])
        }
        var outcome = StepOutcome(
            step: planned(step, write(unschedulable), expected: ["spec.unschedulable: \(current) → \(unschedulable)"]),
            inverse: write(current))
        if current == unschedulable {
            outcome.skipReason = "node \(subject.name) is already \(unschedulable ? "cordoned" : "schedulable")"
        }
        outcome.radius.nodes = [subject.name]
        outcome.radius.notes.append(
            unschedulable
                ? "no new pods are scheduled on node \(subject.name); its pods keep running"
                : "node \(subject.name) takes new pods again")
        return outcome
    }

    /// `kubectl drain`'s evictions, from the pods the API lists on the node.
    private func evictPods(_ step: StepSpec) throws(RunbooksError) -> StepOutcome {
        guard let pods = input.podsOnNode else { throw .targetNotFound("the pods of node \(subject.name)") }
        func value(_ name: String, _ type: ParameterType) throws(RunbooksError) -> ParameterValue? {
            guard let template = step.fields[name]?.template else { return nil }
            return try scope.evaluate(template, as: type)
        }
        func flag(_ name: String) throws(RunbooksError) -> Bool {
            if case .boolean(let on)? = try value(name, .boolean) { return on }
            return false
        }
        let grace: Int? =
            if case .integer(let seconds)? = try value("grace_period", .integer), seconds >= 0 { Int(seconds) } else {
                nil
            }
        let skipWait: Double =
            if case .duration(let seconds, _)? = try value("skip_wait_for_delete_timeout", .duration) { seconds } else {
                0
            }
        let drain = try DrainPlan.make(
            node: subject.name, pods: pods, deleteEmptyDirData: try flag("delete_emptydir_data"),
            force: try flag("force"), gracePeriod: grace, skipWaitAfter: skipWait, timeout: step.timeout)
        // The step's own write is its first eviction (the access check and the record name it); a node whose pods
        // are all terminating has that of the first of them, which the drain waits for without sending.
        let waited = drain.terminating.keys.sorted().first
        let first =
            drain.evictions.first?.write
            ?? KubeWrite.evict(namespace: waited?.namespace ?? "", name: waited?.name ?? "")
        var planned = planned(step, first, expected: drain.evictions.map { "pod \($0.pod) evicted" })
        planned.drain = drain
        var outcome = StepOutcome(step: planned)
        if drain.evictions.isEmpty, drain.terminating.isEmpty {
            outcome.skipReason = "node \(subject.name) has no pods to evict"
        }
        outcome.inverseUnavailable = "evicted pods cannot be put back (uncordon lets new pods in again)"
        var seen: Set<String> = []
        outcome.accessWrites = drain.evictions.map(\.write).filter { seen.insert($0.namespace ?? "").inserted }
        outcome.notes = drain.lines
        let keys = Set(drain.evictions.map(\.pod))
        outcome.radius.podsRemoved = drain.evictions.map(\.pod)
        outcome.radius.nodes = [subject.name]
        outcome.radius.budgets = BlastRadius.budgets(
            covering: input.snapshot.pods(onNode: subject.name).filter { keys.contains($0.key) }, in: input.snapshot)
        outcome.radius.notes.append("evictions honour PodDisruptionBudgets: a refusal is retried, never forced")
        return outcome
    }

    func containerName(_ step: StepSpec) throws(RunbooksError) -> (String, JSONValue) {
        let name =
            try step.fields["container"]?.template.map { t throws(RunbooksError) in try scope.evaluate(t).description }
            ?? scope.values[SelectionVariable.container.rawValue]?.description ?? ""
        guard let json = PodSpecJSON.container(name, of: subjectJSON, kind: subject.kind) else {
            throw .noSuchContainer(
                name, object: subject.description,
                available: PodSpecJSON.containerNames(of: subjectJSON, kind: subject.kind))
        }
        return (name, json)
    }

    private func templateResources(_ step: StepSpec, resource: ResourceKind) throws(RunbooksError) -> StepOutcome {
        let (container, containerJSON) = try containerName(step)
        let spec = PodSpecJSON.spec(of: subjectJSON, kind: subject.kind)
        let (change, notes) = try ResourcesChange.make(
            step: step, container: container, containerJSON: containerJSON,
            qosClass: PodSpecJSON.qosClass(of: spec), scope: scope)
        let names = PodSpecJSON.containerNames(of: subjectJSON, kind: subject.kind)
        let write = KubeWrite.patch(
            resource, namespace: subject.namespace, name: subject.name, type: .strategicMerge,
            body: ResourcesChange.templatePatch(
                containerNames: names, container: container, resources: change.resourcesJSON()),
            resourceVersion: resourceVersion)
        let inverse = KubeWrite.patch(
            resource, namespace: subject.namespace, name: subject.name, type: .strategicMerge,
            body: ResourcesChange.templatePatch(
                containerNames: names, container: container, resources: change.resourcesJSON(restoring: true)))
        var outcome = StepOutcome(step: planned(step, write, expected: change.expectations), inverse: inverse)
        outcome.radius = BlastRadius.rollout(of: subject, in: input.snapshot)
        outcome.notes = notes
        outcome.expectedResources = (container, change.expected(from: containerJSON))
        return outcome
    }

    private func resize(_ step: StepSpec) throws(RunbooksError) -> StepOutcome {
        let (container, containerJSON) = try containerName(step)
        let qos =
            subjectJSON[path: ["status", "qosClass"]]?.stringValue
            ?? PodSpecJSON.qosClass(of: PodSpecJSON.spec(of: subjectJSON, kind: "Pod"))
        let (change, notes) = try ResourcesChange.make(
            step: step, container: container, containerJSON: containerJSON, qosClass: qos, scope: scope)
        let write = KubeWrite.resize(
            namespace: subject.namespace, name: subject.name,
            containers: [(container, change.resourcesJSON())], resourceVersion: resourceVersion)
        var outcome = StepOutcome(step: planned(step, write, expected: change.expectations))
        if change.restoringRemovesAField {
            outcome.inverseUnavailable = "a resize cannot remove a request or limit that was unset before"
        } else {
            outcome.inverse = KubeWrite.resize(
                namespace: subject.namespace, name: subject.name,
                containers: [(container, change.resourcesJSON(restoring: true))])
        }
        outcome.notes = notes
        let restarts = (containerJSON["resizePolicy"]?.arrayValue ?? []).contains { policy in
            policy["restartPolicy"]?.stringValue == "RestartContainer"
                && change.new.keys.contains { $0.resource == policy["resourceName"]?.stringValue }
        }
        if let node = subjectJSON[path: ["spec", "nodeName"]]?.stringValue { outcome.radius.nodes = [node] }
        outcome.radius.notes.append(
            restarts
                ? "container \(container) restarts (its resizePolicy is RestartContainer)"
                : "resized in place: no restart")
        if let owner = input.snapshot.pods[subject.key].flatMap({ input.snapshot.owningWorkload(of: $0) }) {
            outcome.notes.append(
                "the template of \(owner.kind.lowercased()) \(subject.namespace)/\(owner.name) still has the old "
                    + "values: its next rollout brings them back")
        }
        outcome.expectedResources = (container, change.expected(from: containerJSON))
        return outcome
    }

    private func restart(_ step: StepSpec, resource: ResourceKind) -> StepOutcome {
        let now = scope.values[SelectionVariable.now.rawValue]?.description ?? ""
        let annotation = "kubectl.kubernetes.io/restartedAt"
        let body: JSONValue = ["spec": ["template": ["metadata": ["annotations": [annotation: .string(now)]]]]]
        let write = KubeWrite.patch(
            resource, namespace: subject.namespace, name: subject.name, type: .strategicMerge, body: body,
            resourceVersion: resourceVersion)
        let before = subjectJSON[path: ["spec", "template", "metadata", "annotations", annotation]]?.stringValue
        var outcome = StepOutcome(
            step: planned(step, write, expected: ["template annotation \(annotation): \(before ?? "unset") → \(now)"]))
        outcome.inverseUnavailable = "a restart cannot be undone"
        outcome.radius = BlastRadius.rollout(of: subject, in: input.snapshot)
        return outcome
    }

    private func delete(_ step: StepSpec) throws(RunbooksError) -> StepOutcome {
        let grace = try step.fields["grace_period"]?.template.map { t throws(RunbooksError) in
            try scope.evaluate(t, as: .integer)
        }
        let seconds = grace.flatMap { if case .integer(let n) = $0 { Int(n) } else { nil } }
        let write = KubeWrite.delete(
            .pods, namespace: subject.namespace, name: subject.name, gracePeriodSeconds: seconds,
            preconditionUID: subjectJSON[path: ["metadata", "uid"]]?.stringValue,
            preconditionResourceVersion: resourceVersion)
        var outcome = StepOutcome(
            step: planned(
                step, write,
                expected: [
                    "pod \(subject.namespace)/\(subject.name) deleted (grace period \(seconds.map(String.init) ?? "default")s)"
                ]
            ))
        outcome.inverseUnavailable = "a deleted pod cannot be restored"
        let pod = input.snapshot.pods[subject.key]
        outcome.radius.podsRemoved = [subject.key]
        if let node = subjectJSON[path: ["spec", "nodeName"]]?.stringValue { outcome.radius.nodes = [node] }
        outcome.radius.budgets = pod.map { BlastRadius.budgets(covering: [$0], in: input.snapshot) } ?? []
        outcome.radius.notes.append("a delete does not consult disruption budgets")
        if let owner = pod.flatMap({ input.snapshot.owningWorkload(of: $0) }) {
            outcome.radius.notes.append("\(owner.kind.lowercased()) \(owner.name) creates a replacement")
        } else {
            outcome.radius.notes.append("no controller recreates it")
        }
        return outcome
    }

    private func scale(_ step: StepSpec, resource: ResourceKind) throws(RunbooksError) -> StepOutcome {
        guard let template = step.fields["replicas"]?.template,
            case .integer(let replicas) = try scope.evaluate(template, as: .integer), replicas >= 0
        else {
            throw .invalidValue(
                step.fields["replicas"]?.template?.raw ?? "", type: .integer, problem: "replicas must be 0 or more")
        }
        let current = Int(subjectJSON[path: ["spec", "replicas"]]?.intValue ?? 1)
        let write = KubeWrite.scale(
            resource, namespace: subject.namespace, name: subject.name, replicas: Int(replicas),
            resourceVersion: resourceVersion)
        let before =
            input.objects[subject.with(subresource: "scale")]
            ?? ["kind": "Scale", "apiVersion": "autoscaling/v1", "spec": ["replicas": .int(Int64(current))]]
        var outcome = StepOutcome(
            step: planned(step, write, before: before, expected: ["spec.replicas: \(current) → \(replicas)"]))
        outcome.inverse = KubeWrite.scale(resource, namespace: subject.namespace, name: subject.name, replicas: current)
        outcome.radius.replicas = BlastRadius.ReplicaChange(from: current, to: Int(replicas))
        let pods = BlastRadius.pods(of: subject, in: input.snapshot)
        outcome.radius.nodes = Array(Set(pods.compactMap(\.nodeName))).sorted()
        outcome.radius.budgets = BlastRadius.budgets(covering: pods, in: input.snapshot)
        outcome.replicas = Int(replicas)
        return outcome
    }

    private func patch(_ step: StepSpec, resource: ResourceKind) throws(RunbooksError) -> StepOutcome {
        let typeName = step.fields["type"]?.template?.raw ?? PatchBodyType.merge.rawValue
        let type: PatchType =
            switch PatchBodyType(rawValue: typeName) {
            case .strategic: .strategicMerge
            case .json: .json
            default: .merge
            }
        guard let field = step.fields["body"] else { throw .missingParameter("body") }
        let body = try json(field)
        let write = KubeWrite.patch(
            resource, namespace: subject.namespace, name: subject.name, type: type, body: body,
            resourceVersion: resourceVersion)
        let changes = InversePatch.leaves(of: body)
        let expected = changes.map { path, value in
            "\(path.joined(separator: ".")): \(subjectJSON[path: path].map(InversePatch.text) ?? "unset") → \(InversePatch.text(value))"
        }
        var outcome = StepOutcome(step: planned(step, write, expected: expected))
        if type == .json {
            outcome.inverseUnavailable = "a JSON patch has no automatic inverse"
        } else {
            outcome.inverse = KubeWrite.patch(
                resource, namespace: subject.namespace, name: subject.name, type: type,
                body: InversePatch.restoring(body, from: subjectJSON))
        }
        return outcome
    }

    /// A field value as JSON: a lone `{{…}}` keeps its type, other text stays text.
    func json(_ value: FieldValue) throws(RunbooksError) -> JSONValue {
        switch value {
        case .literal(let literal): return literal
        case .scalar(let template):
            let evaluated = try scope.evaluate(template)
            return template.soleExpression == nil ? .string(evaluated.description) : evaluated.json
        case .list(let items):
            var array: [JSONValue] = []
            for item in items { array.append(try json(item)) }
            return .array(array)
        case .mapping(let members):
            var object: [String: JSONValue] = [:]
            for (key, member) in members { object[key] = try json(member) }
            return .object(object)
        }
    }
}

/// Inverse merge patches: for every leaf a patch sets, the value the snapshot holds (null when it was unset).
enum InversePatch {
    /// `[path, value]` for each non-object value in a patch body.
    static func leaves(of body: JSONValue, prefix: [String] = []) -> [([String], JSONValue)] {
        guard case .object(let members) = body else { return [(prefix, body)] }
        return members.keys.sorted().flatMap { key in leaves(of: members[key] ?? .null, prefix: prefix + [key]) }
    }

    static func restoring(_ body: JSONValue, from snapshot: JSONValue) -> JSONValue {
        var inverse = JSONValue.object([:])
        for (path, _) in leaves(of: body) { inverse = inverse.setting(path: path, snapshot[path: path] ?? .null) }
        return inverse
    }

    static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.serialized()
    }
}
