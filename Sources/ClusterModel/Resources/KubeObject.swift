import Foundation

/// A projection the store can hold: decodable straight from list and watch JSON, keyed by namespace/name.
public protocol KubeObject: Decodable, Sendable {
    var key: ObjectKey { get }
    var resourceVersion: String { get }
}
