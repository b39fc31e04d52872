import Foundation

/// What Firebreak keeps of a Deployment, ReplicaSet, StatefulSet or DaemonSet.
public struct WorkloadSummary: KubeObject, Hashable {
    /// `Deployment`, `ReplicaSet`, `StatefulSet` or `DaemonSet`.
    public var kind: String
    public var namespace: String
    public var name: String
    public var uid: String
    public var resourceVersion: String
    /// Desired replicas (`spec.replicas`; for a DaemonSet `status.desiredNumberScheduled`).
    public var desiredReplicas: Int
    public var readyReplicas: Int
    public var availableReplicas: Int
    public var updatedReplicas: Int
    public var generation: Int64
    public var observedGeneration: Int64
    public var isPaused: Bool
    public var controller: OwnerRef?
    /// The pod template's containers, with images and variable names.
    public var templateContainers: [ContainerSpecSummary]
    public var createdAt: Date?
    /// Pods that exist (`status.replicas`; a DaemonSet's `currentNumberScheduled`), old revisions' included.
    public var replicas: Int
    /// A Deployment's or ReplicaSet's `deployment.kubernetes.io/revision`.
    public var revision: Int?
    /// A ReplicaSet's `deployment.kubernetes.io/desired-replicas`: its Deployment's replicas when it was last scaled.
    public var deploymentReplicas: Int?
    /// A Deployment's `Progressing` condition (`ProgressDeadlineExceeded` when a rollout stalled).
    public var progressing: ConditionSummary?
    /// A StatefulSet's `status.currentRevision` and `status.updateRevision` (names of ControllerRevisions).
    public var currentRevision: String?
    public var updateRevision: String?

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public init(
        kind: String, namespace: String, name: String, uid: String = "", resourceVersion: String = "",
        desiredReplicas: Int, readyReplicas: Int = 0, availableReplicas: Int = 0, updatedReplicas: Int = 0,
        generation: Int64 = 1, observedGeneration: Int64 = 1, isPaused: Bool = false,
        controller: OwnerRef? = nil, templateContainers: [ContainerSpecSummary] = [], createdAt: Date? = nil,
        replicas: Int? = nil, revision: Int? = nil, deploymentReplicas: Int? = nil,
        progressing: ConditionSummary? = nil, currentRevision: String? = nil, updateRevision: String? = nil
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.desiredReplicas = desiredReplicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.updatedReplicas = updatedReplicas
        self.generation = generation
        self.observedGeneration = observedGeneration
        self.isPaused = isPaused
        self.controller = controller
        self.templateContainers = templateContainers
        self.createdAt = createdAt
        self.replicas = replicas ?? updatedReplicas
        self.revision = revision
        self.deploymentReplicas = deploymentReplicas
        self.progressing = progressing
        self.currentRevision = currentRevision
        self.updateRevision = updateRevision
    }

    public init(from decoder: any Decoder) throws {
        let wire = try WireWorkload(from: decoder)
        let status = wire.status
        let kind = wire.kind ?? ResourceDecoding.kind(in: decoder) ?? "Deployment"
        let isDaemonSet = kind == "DaemonSet"
        self.init(
            kind: kind,
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name, uid: wire.metadata.uid ?? "",
            resourceVersion: wire.metadata.resourceVersion ?? "",
            desiredReplicas: isDaemonSet ? status?.desiredNumberScheduled ?? 0 : wire.spec?.replicas ?? 1,
            readyReplicas: status?.readyReplicas ?? status?.numberReady ?? 0,
            availableReplicas: status?.availableReplicas ?? status?.numberAvailable ?? 0,
            updatedReplicas: status?.updatedReplicas ?? status?.updatedNumberScheduled ?? 0,
            generation: wire.metadata.generation ?? 0, observedGeneration: status?.observedGeneration ?? 0,
            isPaused: wire.spec?.paused ?? false, controller: wire.metadata.controller,
            templateContainers: wire.spec?.template?.containers ?? [],
            createdAt: wire.metadata.creationTimestamp.flatMap(KubeTime.parse),
            replicas: status?.replicas ?? status?.currentNumberScheduled ?? 0,
            revision: wire.metadata.annotations?[Self.revisionAnnotation].flatMap { Int($0) },
            deploymentReplicas: wire.metadata.annotations?[Self.desiredReplicasAnnotation].flatMap { Int($0) },
            progressing: status?.conditions?.first { $0.type == "Progressing" }?.summary,
            currentRevision: status?.currentRevision, updateRevision: status?.updateRevision)
    }

    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
}

private struct WireWorkload: Decodable {
    var kind: String?
    var metadata: WireMeta
    var spec: Spec?
    var status: Status?

    struct Spec: Decodable {
        var replicas: Int?
        var paused: Bool?
        var template: WirePodTemplate?
    }

    struct Status: Decodable {
        var observedGeneration: Int64?
        var replicas: Int?
        var currentNumberScheduled: Int?
        var conditions: [WireCondition]?
        var currentRevision: String?
        var updateRevision: String?
        var readyReplicas: Int?
        var availableReplicas: Int?
        var updatedReplicas: Int?
        var desiredNumberScheduled: Int?
        var numberReady: Int?
        var numberAvailable: Int?
        var updatedNumberScheduled: Int?
    }
}
