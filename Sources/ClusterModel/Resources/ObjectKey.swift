import Foundation

/// Identifies an object within one resource: namespace (empty for cluster-scoped objects) and name.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var namespace: String
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}

/// A projection the store can hold: decodable straight from list and watch JSON, keyed by namespace/name.
public protocol KubeObject: Decodable, Sendable {
    var key: ObjectKey { get }
    var resourceVersion: String { get }
}

/// The controller owner reference of an object (`controller: true`).
public struct OwnerRef: Sendable, Hashable {
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// The status of a condition: `True`, `False` or `Unknown`.
public enum ConditionStatus: String, Sendable, Hashable, Decodable {
    case isTrue = "True"
    case isFalse = "False"
    case unknown = "Unknown"

    public init(from decoder: any Decoder) throws {
        self = ConditionStatus(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .unknown
    }
}

/// A pod or node condition as Firebreak shows it.
public struct ConditionSummary: Sendable, Hashable {
    public var status: ConditionStatus
    public var reason: String?
    public var message: String?
    public var lastTransitionTime: Date?

    public init(status: ConditionStatus, reason: String? = nil, message: String? = nil, lastTransitionTime: Date? = nil)
    {
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
    }
}
