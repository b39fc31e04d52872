import Foundation

extension PodSummary {
    public init(from decoder: any Decoder) throws {
        let wire = try WirePod(from: decoder)
        let status = wire.status
        let conditions = status?.conditions ?? []
        func condition(_ type: String) -> ConditionSummary? { conditions.first { $0.type == type }?.summary }
        self.init(
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name, uid: wire.metadata.uid ?? "",
            resourceVersion: wire.metadata.resourceVersion ?? "", nodeName: wire.spec?.nodeName,
            phase: status?.phase ?? "Unknown", reason: status?.reason, message: status?.message,
            createdAt: wire.metadata.creationTimestamp.flatMap(KubeTime.parse),
            deletionTimestamp: wire.metadata.deletionTimestamp.flatMap(KubeTime.parse),
            labels: wire.metadata.labels ?? [:], controller: wire.metadata.controller,
            containers: (wire.spec?.containers ?? []).map(\.summary),
            containerStatuses: (status?.containerStatuses ?? []).map(\.summary),
            ready: condition("Ready"), scheduled: condition("PodScheduled"),
            disruptionTarget: condition("DisruptionTarget"), qosClass: status?.qosClass,
            generation: wire.metadata.generation ?? 1, observedGeneration: status?.observedGeneration,
            resizePending: condition("PodResizePending"), resizeInProgress: condition("PodResizeInProgress"))
    }
}

private struct WirePod: Decodable {
    var metadata: WireMeta
    var spec: Spec?
    var status: Status?

    struct Spec: Decodable {
        var nodeName: String?
        var containers: [WireContainer]?
    }

    struct Status: Decodable {
        var phase: String?
        var reason: String?
        var message: String?
        var qosClass: String?
        var observedGeneration: Int64?
        var conditions: [WireCondition]?
        var containerStatuses: [WireContainerStatus]?
    }
}

private struct WireContainerStatus: Decodable {
    var name: String
    var ready: Bool?
    var restartCount: Int?
    var state: WireState?
    var lastState: WireState?
    var resources: WireResources?

    var summary: ContainerStatusSummary {
        ContainerStatusSummary(
            name: name, ready: ready ?? false, restartCount: restartCount ?? 0,
            state: state?.summary ?? .none, lastState: lastState?.summary ?? .none, resources: resources?.summary)
    }
}

private struct WireState: Decodable {
    var waiting: Waiting?
    var running: Running?
    var terminated: Terminated?

    struct Waiting: Decodable {
        var reason: String?
        var message: String?
    }

    struct Running: Decodable {
        var startedAt: String?
    }

    struct Terminated: Decodable {
        var exitCode: Int32?
        var reason: String?
        var message: String?
        var startedAt: String?
        var finishedAt: String?
    }

    var summary: ContainerState {
        if let t = terminated {
            return .terminated(
                Termination(
                    reason: t.reason, exitCode: t.exitCode ?? 0, message: t.message,
                    startedAt: t.startedAt.flatMap(KubeTime.parse),
                    finishedAt: t.finishedAt.flatMap(KubeTime.parse)))
        }
        if let w = waiting { return .waiting(reason: w.reason, message: w.message) }
        if let r = running { return .running(startedAt: r.startedAt.flatMap(KubeTime.parse)) }
        return .none
    }
}
