/// policy/v1 PodDisruptionBudget.
struct PodDisruptionBudget: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var minAvailable: IntOrString?
        var maxUnavailable: IntOrString?
        var selector: LabelSelector?
        var unhealthyPodEvictionPolicy: String?
    }
    struct Status: Codable, Sendable, Equatable {
        var observedGeneration: Int64?
        var disruptedPods: [String: Timestamp]?
        var disruptionsAllowed: Int32 = 0
        var currentHealthy: Int32 = 0
        var desiredHealthy: Int32 = 0
        var expectedPods: Int32 = 0
        var conditions: [PodCondition]?
    }
    var metadata: ObjectMeta
    var spec: Spec
    @Defaulted var status: Status = Status()
}

/// core/v1 Namespace.
struct Namespace: Codable, Sendable {
    struct Spec: Codable, Sendable { var finalizers: [String]? }
    struct Status: Codable, Sendable, Equatable { var phase: String? }
    var metadata: ObjectMeta
    @Defaulted var spec: Spec = Spec(finalizers: ["kubernetes"])
    @Defaulted var status: Status = Status(phase: "Active")
}

/// core/v1 Event.
struct Event: Codable, Sendable {
    struct Source: Codable, Sendable, Equatable {
        var component: String?
        var host: String?
    }
    var metadata: ObjectMeta
    var involvedObject: ObjectReference
    var reason: String?
    var message: String?
    var source: Source?
    var firstTimestamp: Timestamp?
    var lastTimestamp: Timestamp?
    var count: Int32?
    var type: String?
    var eventTime: String?
    var reportingComponent: String?
    var reportingInstance: String?
}
