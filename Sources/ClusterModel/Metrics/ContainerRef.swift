/// A container of a pod: the subject of metrics and container-level observations.
public struct ContainerRef: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var namespace: String
    public var pod: String
    public var container: String

    public init(namespace: String, pod: String, container: String) {
        self.namespace = namespace
        self.pod = pod
        self.container = container
    }

    public var description: String { "\(namespace)/\(pod)/\(container)" }

    public static func < (lhs: ContainerRef, rhs: ContainerRef) -> Bool {
        (lhs.namespace, lhs.pod, lhs.container) < (rhs.namespace, rhs.pod, rhs.container)
    }
}
