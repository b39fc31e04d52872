import ClusterModel

/// An entry's evidence: named facts, as JSON values.
public typealias Evidence = [String: JSONValue]

extension Evidence {
    /// Evidence from string facts, as `Observation.evidence` holds them.
    public init(strings: [String: String]) {
        self = strings.mapValues { .string($0) }
    }
}
