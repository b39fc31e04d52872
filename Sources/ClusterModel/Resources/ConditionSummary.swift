import Foundation

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
