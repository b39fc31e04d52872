import Foundation

/// `metadata` fields shared by every projection.
struct WireMeta: Decodable {
    var name: String
    var namespace: String?
    var uid: String?
    var resourceVersion: String?
    var generation: Int64?
    var creationTimestamp: String?
    var deletionTimestamp: String?
    var labels: [String: String]?
    var annotations: [String: String]?
    var ownerReferences: [WireOwnerRef]?

    var key: ObjectKey { ObjectKey(namespace: namespace ?? "", name: name) }

    var controller: OwnerRef? {
        ownerReferences?.first { $0.controller == true }.map { OwnerRef(kind: $0.kind, name: $0.name) }
    }
}

struct WireOwnerRef: Decodable {
    var kind: String
    var name: String
    var controller: Bool?
}

struct WireCondition: Decodable {
    var type: String
    var status: ConditionStatus
    var reason: String?
    var message: String?
    var lastTransitionTime: String?

    var summary: ConditionSummary {
        ConditionSummary(
            status: status, reason: reason, message: message,
            lastTransitionTime: lastTransitionTime.flatMap(KubeTime.parse))
    }
}

/// `requests` / `limits` with only the resources Firebreak reads.
struct WireResourceList: Decodable {
    var cpu: String?
    var memory: String?
    var pods: String?
}

struct WireResources: Decodable {
    var requests: WireResourceList?
    var limits: WireResourceList?

    var summary: ContainerResources {
        ContainerResources(
            cpuRequestMillis: requests?.cpu.flatMap(Quantity.parse),
            cpuLimitMillis: limits?.cpu.flatMap(Quantity.parse),
            memoryRequestBytes: requests?.memory.flatMap(Quantity.parse).map { Quantity(milliValue: $0).bytes },
            memoryLimitBytes: limits?.memory.flatMap(Quantity.parse).map { Quantity(milliValue: $0).bytes })
    }
}

struct WireContainer: Decodable {
    var name: String
    var resources: WireResources?
    var image: String?
    var env: [WireEnvVar]?

    /// The container as a pod keeps it: name and resources.
    var summary: ContainerSpecSummary {
        ContainerSpecSummary(name: name, resources: resources?.summary ?? ContainerResources())
    }

    /// The container as a workload template keeps it: with its image and the names of its variables.
    var templateSummary: ContainerSpecSummary {
        ContainerSpecSummary(
            name: name, resources: resources?.summary ?? ContainerResources(), image: image,
            envNames: env?.map(\.name) ?? [])
    }
}

struct WireEnvVar: Decodable {
    var name: String
}

/// `spec.template.spec.containers` of a workload, or of a revision's data.
struct WirePodTemplate: Decodable {
    struct PodSpec: Decodable {
        var containers: [WireContainer]?
    }
    var spec: PodSpec?

    var containers: [ContainerSpecSummary] { (spec?.containers ?? []).map(\.templateSummary) }
}
