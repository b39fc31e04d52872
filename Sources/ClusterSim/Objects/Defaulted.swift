/// A value that has an empty form, used when a request body leaves the field out.
protocol EmptyInitializable { init() }

/// A Codable field that decodes to its empty form when the key is missing (a pod created without `status`).
@propertyWrapper
struct Defaulted<Value: Codable & Sendable & EmptyInitializable>: Codable, Sendable {
    var wrappedValue: Value

    init(wrappedValue: Value) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws { wrappedValue = try Value(from: decoder) }

    func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

extension Defaulted: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    func decode<Value>(_ type: Defaulted<Value>.Type, forKey key: Key) throws -> Defaulted<Value> {
        try decodeIfPresent(type, forKey: key) ?? Defaulted(wrappedValue: Value())
    }
}

extension PodStatus: EmptyInitializable {}
extension NodeSpec: EmptyInitializable {}
extension Deployment.Status: EmptyInitializable {}
extension ReplicaSet.Status: EmptyInitializable {}
extension DaemonSet.Status: EmptyInitializable {}
extension StatefulSet.Status: EmptyInitializable {}
extension Job.Status: EmptyInitializable {}
extension CronJob.Status: EmptyInitializable {}
extension PodDisruptionBudget.Status: EmptyInitializable {}
extension Namespace.Spec: EmptyInitializable {}
extension Namespace.Status: EmptyInitializable {}
extension NodeStatus: EmptyInitializable {
    init() {
        self.init(
            capacity: [:], allocatable: [:], conditions: [], addresses: [], daemonEndpoints: nil,
            nodeInfo: NodeSystemInfo(
                machineID: "", systemUUID: "", bootID: "", kernelVersion: "", osImage: "", containerRuntimeVersion: "",
                kubeletVersion: "", kubeProxyVersion: "", operatingSystem: "", architecture: ""))
    }
}
