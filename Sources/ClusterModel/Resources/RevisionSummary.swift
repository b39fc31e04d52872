import Foundation

/// What Firebreak keeps of an apps/v1 ControllerRevision: one revision of a StatefulSet's or DaemonSet's pod
/// template, numbered, with the containers its data holds.
public struct RevisionSummary: KubeObject, Hashable {
    public var namespace: String
    public var name: String
    public var resourceVersion: String
    /// The StatefulSet or DaemonSet it belongs to.
    public var controller: OwnerRef?
    /// `revision`: 1 for the first template, one more for each new (or returning) one.
    public var revision: Int64
    public var createdAt: Date?
    /// The `controller-revision-hash` label: a DaemonSet's pods carry this hash, a StatefulSet's the revision's name.
    public var hash: String?
    /// The containers of the template stored in `data`.
    public var templateContainers: [ContainerSpecSummary]

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    public init(
        namespace: String, name: String, resourceVersion: String = "", controller: OwnerRef? = nil,
        revision: Int64, createdAt: Date? = nil, hash: String? = nil, templateContainers: [ContainerSpecSummary] = []
    ) {
        self.namespace = namespace
        self.name = name
        self.resourceVersion = resourceVersion
        self.controller = controller
        self.revision = revision
        self.createdAt = createdAt
        self.hash = hash
        self.templateContainers = templateContainers
    }

    /// The label that ties a pod to a revision.
    public static let hashLabel = "controller-revision-hash"

    /// Whether `pod` runs this revision: its hash label names the revision (StatefulSets) or carries its hash.
    public func runs(_ pod: PodSummary) -> Bool {
        guard let label = pod.labels[Self.hashLabel] else { return false }
        return label == name || label == hash
    }

    public init(from decoder: any Decoder) throws {
        let wire = try WireRevision(from: decoder)
        self.init(
            namespace: wire.metadata.namespace ?? "", name: wire.metadata.name,
            resourceVersion: wire.metadata.resourceVersion ?? "", controller: wire.metadata.controller,
            revision: wire.revision ?? 0, createdAt: wire.metadata.creationTimestamp.flatMap(KubeTime.parse),
            hash: wire.metadata.labels?[Self.hashLabel], templateContainers: wire.data?.spec?.template?.containers ?? []
        )
    }
}

private struct WireRevision: Decodable {
    struct Data: Decodable {
        struct Spec: Decodable {
            var template: WirePodTemplate?
        }
        var spec: Spec?
    }
    var metadata: WireMeta
    var revision: Int64?
    var data: Data?
}
