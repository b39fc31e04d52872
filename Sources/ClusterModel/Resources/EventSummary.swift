import Foundation

/// What Firebreak keeps of a core/v1 Event.
public struct EventSummary: KubeObject, Hashable {
    public var namespace: String
    public var name: String
    public var resourceVersion: String
    /// `Normal` or `Warning`.
    public var type: String
    public var reason: String
    public var message: String
    public var involvedObject: InvolvedObject
    public var sourceComponent: String?
    public var sourceHost: String?
    public var count: Int
    public var firstSeen: Date?
    /// The first set of `series.lastObservedTime`, `lastTimestamp`, `eventTime`, `metadata.creationTimestamp`.
    public var lastSeen: Date?

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    /// The object the event is about.
    public struct InvolvedObject: Sendable, Hashable, Decodable {
        public var kind: String?
        public var namespace: String?
        public var name: String?
        public var uid: String?
        public var fieldPath: String?

        public init(
            kind: String? = nil, namespace: String? = nil, name: String? = nil,
            uid: String? = nil, fieldPath: String? = nil
        ) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.uid = uid
            self.fieldPath = fieldPath
        }
    }

    public init(
        namespace: String, name: String, resourceVersion: String = "", type: String = "Normal", reason: String,
        message: String = "", involvedObject: InvolvedObject, sourceComponent: String? = nil,
        sourceHost: String? = nil, count: Int = 1, firstSeen: Date? = nil, lastSeen: Date? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.resourceVersion = resourceVersion
        self.type = type
        self.reason = reason
        self.message = message
        self.involvedObject = involvedObject
        self.sourceComponent = sourceComponent
        self.sourceHost = sourceHost
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    public init(from decoder: any Decoder) throws {
        let wire = try WireEvent(from: decoder)
        let created = wire.metadata.creationTimestamp.flatMap(KubeTime.parse)
        let eventTime = wire.eventTime.flatMap(KubeTime.parse)
        let last =
            wire.series?.lastObservedTime.flatMap(KubeTime.parse)
            ?? wire.lastTimestamp.flatMap(KubeTime.parse) ?? eventTime ?? created
        self.init(
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name,
            resourceVersion: wire.metadata.resourceVersion ?? "", type: wire.type ?? "Normal",
            reason: wire.reason ?? "", message: wire.message ?? "",
            involvedObject: wire.involvedObject ?? InvolvedObject(),
            sourceComponent: wire.source?.component ?? wire.reportingComponent, sourceHost: wire.source?.host,
            count: wire.series?.count ?? wire.count ?? 1,
            firstSeen: wire.firstTimestamp.flatMap(KubeTime.parse) ?? eventTime ?? created, lastSeen: last)
    }
}

private struct WireEvent: Decodable {
    var metadata: WireMeta
    var involvedObject: EventSummary.InvolvedObject?
    var reason: String?
    var message: String?
    var type: String?
    var source: Source?
    var reportingComponent: String?
    var count: Int?
    var firstTimestamp: String?
    var lastTimestamp: String?
    var eventTime: String?
    var series: Series?

    struct Source: Decodable {
        var component: String?
        var host: String?
    }

    struct Series: Decodable {
        var count: Int?
        var lastObservedTime: String?
    }
}
