import Foundation

/// metrics.k8s.io `PodMetrics` and `NodeMetrics` (metrics-server), decoded into usage numbers.
public enum ResourceMetrics {
    /// Usage of one pod's containers.
    public struct PodUsage: Sendable, Equatable {
        public var namespace: String
        public var pod: String
        /// Usage by container name.
        public var containers: [String: Usage]
    }

    /// CPU in millicores and memory in bytes.
    public struct Usage: Sendable, Equatable {
        public var cpuMillis: Int64?
        public var memoryBytes: Int64?
    }

    /// Usage of one node.
    public struct NodeUsage: Sendable, Equatable {
        public var node: String
        public var cpuMillis: Int64?
        public var memoryBytes: Int64?
    }

    private struct List<Item: Decodable>: Decodable { var items: [Item] }

    private struct WirePod: Decodable {
        var metadata: WireMeta
        var containers: [Container]
        struct Container: Decodable {
            var name: String
            var usage: WireResourceList
        }
    }

    private struct WireNode: Decodable {
        var metadata: WireMeta
        var usage: WireResourceList
    }

    /// Decodes a `PodMetricsList` body.
    public static func decodePods(_ data: Data) throws(KubeDecodeError) -> [PodUsage] {
        let list = try ResourceDecoding.decode(List<WirePod>.self, from: data, resource: podMetrics)
        return list.items.map { item in
            var containers: [String: Usage] = [:]
            for c in item.containers {
                containers[c.name] = Usage(
                    cpuMillis: c.usage.cpu.flatMap(Quantity.parse),
                    memoryBytes: c.usage.memory.flatMap(Quantity.parse).map { Quantity(milliValue: $0).bytes })
            }
            return PodUsage(namespace: item.metadata.namespace ?? "", pod: item.metadata.name, containers: containers)
        }
    }

    /// Decodes a `NodeMetricsList` body.
    public static func decodeNodes(_ data: Data) throws(KubeDecodeError) -> [NodeUsage] {
        let list = try ResourceDecoding.decode(List<WireNode>.self, from: data, resource: nodeMetrics)
        return list.items.map {
            NodeUsage(
                node: $0.metadata.name, cpuMillis: $0.usage.cpu.flatMap(Quantity.parse),
                memoryBytes: $0.usage.memory.flatMap(Quantity.parse).map { Quantity(milliValue: $0).bytes })
        }
    }

    /// `metrics.k8s.io/v1beta1` pods and nodes.
    public static let podMetrics = ResourceKind(
        group: "metrics.k8s.io", version: "v1beta1", plural: "pods",
        kind: "PodMetrics", isNamespaced: true)
    public static let nodeMetrics = ResourceKind(
        group: "metrics.k8s.io", version: "v1beta1", plural: "nodes",
        kind: "NodeMetrics", isNamespaced: false)
}
