/// core/v1 Node.
struct Node: Codable, Sendable {
    var metadata: ObjectMeta
    @Defaulted var spec: NodeSpec = NodeSpec()
    @Defaulted var status: NodeStatus = NodeStatus()
}

struct NodeSpec: Codable, Sendable {
    var podCIDR: String?
    var providerID: String?
    var unschedulable: Bool?
    var taints: [Taint]?
}

struct Taint: Codable, Sendable, Equatable {
    var key: String
    var value: String?
    var effect: String
    var timeAdded: Timestamp?
}

struct NodeStatus: Codable, Sendable, Equatable {
    var capacity: [String: String]
    var allocatable: [String: String]
    var conditions: [NodeCondition]
    var addresses: [NodeAddress]
    var daemonEndpoints: DaemonEndpoints?
    var nodeInfo: NodeSystemInfo
}

struct NodeCondition: Codable, Sendable, Equatable {
    var type: String
    var status: String
    var lastHeartbeatTime: Timestamp?
    var lastTransitionTime: Timestamp?
    var reason: String?
    var message: String?
}

struct NodeAddress: Codable, Sendable, Equatable {
    var type: String
    var address: String
}

struct DaemonEndpoints: Codable, Sendable, Equatable {
    struct Endpoint: Codable, Sendable, Equatable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var Port: Int32  // the API's own spelling
    }
    var kubeletEndpoint: Endpoint
}

struct NodeSystemInfo: Codable, Sendable, Equatable {
    var machineID: String
    var systemUUID: String
    var bootID: String
    var kernelVersion: String
    var osImage: String
    var containerRuntimeVersion: String
    var kubeletVersion: String
    var kubeProxyVersion: String
    var operatingSystem: String
    var architecture: String
}

extension Node {
    func condition(_ type: String) -> NodeCondition? { status.conditions.first { $0.type == type } }

    var isReady: Bool { condition("Ready")?.status == "True" }
    var isSchedulable: Bool { isReady && spec.unschedulable != true }

    mutating func setCondition(_ type: String, status value: String, reason: String, message: String, now: Timestamp) {
        guard let index = status.conditions.firstIndex(where: { $0.type == type }) else { return }
        var condition = status.conditions[index]
        if condition.status != value { condition.lastTransitionTime = now }
        condition.status = value
        condition.reason = reason
        condition.message = message
        condition.lastHeartbeatTime = now
        status.conditions[index] = condition
    }
}
