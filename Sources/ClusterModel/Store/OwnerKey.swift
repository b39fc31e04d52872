/// A controller in one namespace (`Deployment shop/web`): what pods are grouped by in the owner index.
public struct OwnerKey: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var namespace: String
    public var name: String

    public init(kind: String, namespace: String, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The controller of an object in `namespace`.
    public init(_ owner: OwnerRef, namespace: String) {
        self.init(kind: owner.kind, namespace: namespace, name: owner.name)
    }

    public var description: String { "\(kind) \(namespace)/\(name)" }
}
