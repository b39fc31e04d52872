import Foundation

/// What Firebreak keeps of a Node.
public struct NodeSummary: KubeObject, Hashable {
    public var name: String
    public var uid: String
    public var resourceVersion: String
    public var isUnschedulable: Bool
    public var ready: ConditionSummary?
    public var memoryPressure: ConditionSummary?
    public var diskPressure: ConditionSummary?
    public var pidPressure: ConditionSummary?
    public var allocatableCPUMillis: Int64?
    public var allocatableMemoryBytes: Int64?
    public var allocatablePods: Int64?
    public var kubeletVersion: String?
    public var taints: [Taint]
    public var createdAt: Date?

    public var key: ObjectKey { ObjectKey(namespace: "", name: name) }

    public init(
        name: String, uid: String = "", resourceVersion: String = "", isUnschedulable: Bool = false,
        ready: ConditionSummary? = nil, memoryPressure: ConditionSummary? = nil,
        diskPressure: ConditionSummary? = nil, pidPressure: ConditionSummary? = nil,
        allocatableCPUMillis: Int64? = nil, allocatableMemoryBytes: Int64? = nil, allocatablePods: Int64? = nil,
        kubeletVersion: String? = nil, taints: [Taint] = [], createdAt: Date? = nil
    ) {
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.isUnschedulable = isUnschedulable
        self.ready = ready
        self.memoryPressure = memoryPressure
        self.diskPressure = diskPressure
        self.pidPressure = pidPressure
        self.allocatableCPUMillis = allocatableCPUMillis
        self.allocatableMemoryBytes = allocatableMemoryBytes
        self.allocatablePods = allocatablePods
        self.kubeletVersion = kubeletVersion
        self.taints = taints
        self.createdAt = createdAt
    }

    /// A node taint (`key=value:effect`).
    public struct Taint: Sendable, Hashable, Decodable {
        public var key: String
        public var value: String?
        public var effect: String

        public init(key: String, value: String? = nil, effect: String) {
            self.key = key
            self.value = value
            self.effect = effect
        }
    }

    public init(from decoder: any Decoder) throws {
        let wire = try WireNode(from: decoder)
        let conditions = wire.status?.conditions ?? []
        func condition(_ type: String) -> ConditionSummary? { conditions.first { $0.type == type }?.summary }
        let allocatable = wire.status?.allocatable
        self.init(
            name: wire.metadata.name, uid: wire.metadata.uid ?? "",
            resourceVersion: wire.metadata.resourceVersion ?? "",
            isUnschedulable: wire.spec?.unschedulable ?? false,
            ready: condition("Ready"), memoryPressure: condition("MemoryPressure"),
            diskPressure: condition("DiskPressure"), pidPressure: condition("PIDPressure"),
            allocatableCPUMillis: allocatable?.cpu.flatMap(Quantity.parse),
            allocatableMemoryBytes: allocatable?.memory.flatMap(Quantity.parse).map { Quantity(milliValue: $0).bytes },
            allocatablePods: allocatable?.pods.flatMap(Quantity.parse).map { $0 / 1000 },
            kubeletVersion: wire.status?.nodeInfo?.kubeletVersion, taints: wire.spec?.taints ?? [],
            createdAt: wire.metadata.creationTimestamp.flatMap(KubeTime.parse))
    }
}

private struct WireNode: Decodable {
    var metadata: WireMeta
    var spec: Spec?
    var status: Status?

    struct Spec: Decodable {
        var unschedulable: Bool?
        var taints: [NodeSummary.Taint]?
    }

    struct Status: Decodable {
        var allocatable: WireResourceList?
        var conditions: [WireCondition]?
        var nodeInfo: NodeInfo?
    }

    struct NodeInfo: Decodable {
        var kubeletVersion: String?
    }
}
