import Foundation

/// A JSON value held as an entry's evidence: machine-readable facts (`limit` → `170Mi`, `exitCode` → 137).
public enum EvidenceValue: Sendable, Equatable, Hashable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([EvidenceValue])
    case object([String: EvidenceValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([EvidenceValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: EvidenceValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The string inside, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

extension EvidenceValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

/// An entry's evidence: named facts.
public typealias Evidence = [String: EvidenceValue]

extension Evidence {
    /// Evidence from string facts, as `Observation.evidence` holds them.
    public init(strings: [String: String]) {
        self = strings.mapValues { .string($0) }
    }
}
