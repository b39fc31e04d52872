import ClusterModel

/// Decodes `Value` with Codable alone: `ResourceDecoding.decodeObject` has no fast path for this type, so the reference
/// read goes through the same decoder configuration as the fast path's fallback (the resource's `kind` for list items
/// that carry none).
struct CodableOnly<Value: Decodable & Sendable>: KubeObject {
    var value: Value

    init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
    }

    var key: ObjectKey { ObjectKey(namespace: "", name: "") }
    var resourceVersion: String { "" }
}
