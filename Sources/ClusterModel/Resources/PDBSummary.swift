import Foundation

/// What Firebreak keeps of a PodDisruptionBudget.
public struct PDBSummary: KubeObject, Hashable {
    public var namespace: String
    public var name: String
    public var resourceVersion: String
    /// `minAvailable` / `maxUnavailable` as written (an integer or a percentage).
    public var minAvailable: String?
    public var maxUnavailable: String?
    public var matchLabels: [String: String]
    public var currentHealthy: Int
    public var desiredHealthy: Int
    public var disruptionsAllowed: Int
    public var expectedPods: Int

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public init(
        namespace: String, name: String, resourceVersion: String = "", minAvailable: String? = nil,
        maxUnavailable: String? = nil, matchLabels: [String: String] = [:], currentHealthy: Int = 0,
        desiredHealthy: Int = 0, disruptionsAllowed: Int = 0, expectedPods: Int = 0
    ) {
        self.namespace = namespace
        self.name = name
        self.resourceVersion = resourceVersion
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.matchLabels = matchLabels
        self.currentHealthy = currentHealthy
        self.desiredHealthy = desiredHealthy
        self.disruptionsAllowed = disruptionsAllowed
        self.expectedPods = expectedPods
    }

    public init(from decoder: any Decoder) throws {
        let wire = try WirePDB(from: decoder)
        self.init(
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name,
            resourceVersion: wire.metadata.resourceVersion ?? "",
            minAvailable: wire.spec?.minAvailable?.text, maxUnavailable: wire.spec?.maxUnavailable?.text,
            matchLabels: wire.spec?.selector?.matchLabels ?? [:],
            currentHealthy: wire.status?.currentHealthy ?? 0, desiredHealthy: wire.status?.desiredHealthy ?? 0,
            disruptionsAllowed: wire.status?.disruptionsAllowed ?? 0, expectedPods: wire.status?.expectedPods ?? 0)
    }
}

private struct WirePDB: Decodable {
    var metadata: WireMeta
    var spec: Spec?
    var status: Status?

    struct Spec: Decodable {
        var minAvailable: IntOrString?
        var maxUnavailable: IntOrString?
        var selector: Selector?
    }

    struct Selector: Decodable {
        var matchLabels: [String: String]?
    }

    struct Status: Decodable {
        var currentHealthy: Int?
        var desiredHealthy: Int?
        var disruptionsAllowed: Int?
        var expectedPods: Int?
    }
}
