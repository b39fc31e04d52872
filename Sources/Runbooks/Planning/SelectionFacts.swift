import ClusterModel
import Foundation

/// The selection variables for one target: names, the chosen container, its current requests and limits (from
/// the object the steps change), replicas, grace period, the cluster's time.
enum SelectionFacts {
    /// The container a runbook acts on when none is named: the only one, else the one OOM-killed or restarting
    /// most in the selected pod, else the first.
    static func defaultContainer(
        target: RunbookTarget, subject: ObjectRef, objects: [ObjectRef: JSONValue],
        snapshot: ClusterSnapshot
    ) throws(RunbooksError) -> String? {
        let names = objects[subject.whole].map { PodSpecJSON.containerNames(of: $0, kind: subject.kind) } ?? []
        if let named = target.container {
            guard names.isEmpty || names.contains(named) else {
                throw .noSuchContainer(named, object: subject.description, available: names)
            }
            return named
        }
        if names.count <= 1 { return names.first }
        if let pod = snapshot.pods[ObjectKey(namespace: target.namespace, name: target.name)],
            target.kind == .pod || target.kind == .container
        {
            let statuses = pod.containerStatuses.filter { names.contains($0.name) }
            if let killed = statuses.first(where: { $0.lastState.termination?.reason == "OOMKilled" }) {
                return killed.name
            }
            if let restarting = statuses.max(by: { $0.restartCount < $1.restartCount }), restarting.restartCount > 0 {
                return restarting.name
            }
        }
        return names.first
    }

    /// The scope of selection variables; container-dependent ones use `container`.
    static func scope(
        target: RunbookTarget, subject: ObjectRef, container: String?, objects: [ObjectRef: JSONValue],
        snapshot: ClusterSnapshot, now: Date
    ) -> TemplateScope {
        var scope = TemplateScope()
        func set(_ variable: SelectionVariable, _ value: ParameterValue?, missing reason: @autoclosure () -> String) {
            if let value {
                scope.values[variable.rawValue] = value
            } else {
                scope.missing[variable.rawValue] = reason()
            }
        }
        let isPod = target.kind == .pod || target.kind == .container
        let podJSON = isPod ? objects[target.object] : nil
        let podSummary = isPod ? snapshot.pods[ObjectKey(namespace: target.namespace, name: target.name)] : nil
        set(.namespace, .string(target.namespace), missing: "")
        set(.name, .string(target.name), missing: "")
        set(.kind, .string(target.kind.kindName), missing: "")
        set(.pod, isPod ? .string(target.name) : nil, missing: "the target is not a pod")
        let workload =
            TargetKind.workloads.map(\.kindName).contains(subject.kind)
            ? subject.name : podSummary.flatMap { snapshot.owningWorkload(of: $0)?.name }
        set(.workload, workload.map { .string($0) }, missing: "\(target) has no owning workload")
        set(.container, container.map { .string($0) }, missing: "\(subject) has no containers")
        let node =
            target.kind == .node
            ? target.name : podJSON?[path: ["spec", "nodeName"]]?.stringValue ?? podSummary?.nodeName
        set(.node, node.map { .string($0) }, missing: "\(target) is not bound to a node")
        let subjectJSON = objects[subject.whole]
        var containerJSON: JSONValue?
        if let container, let subjectJSON {
            containerJSON = PodSpecJSON.container(container, of: subjectJSON, kind: subject.kind)
        }
        let owner = "container \(container ?? "?") of \(subject)"
        for (variable, section, resource) in [
            (SelectionVariable.memoryLimit, "limits", "memory"), (.memoryRequest, "requests", "memory"),
            (.cpuLimit, "limits", "cpu"), (.cpuRequest, "requests", "cpu"),
        ] {
            set(
                variable, PodSpecJSON.quantity(containerJSON, section: section, resource: resource),
                missing: "\(owner) has no \(resource) \(section == "limits" ? "limit" : "request")")
        }
        let replicas = subjectJSON?[path: ["spec", "replicas"]]?.intValue
        set(.replicas, replicas.map { .integer($0) }, missing: "\(subject) has no replicas")
        let grace = podJSON.map { $0[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue ?? 30 }
        set(.gracePeriod, grace.map { .integer($0) }, missing: "the target is not a pod")
        set(.now, .string(KubeTime.format(now)), missing: "")
        return scope
    }
}
