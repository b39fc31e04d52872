import Foundation

/// The controller owner reference of an object (`controller: true`).
public struct OwnerRef: Sendable, Hashable {
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}
