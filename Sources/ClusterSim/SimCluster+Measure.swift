import Foundation

/// Measurements the benchmarks take inside the simulator.
extension SimCluster {
    /// Encodes the first `count` stored pods with the store's encoder and, as the peer, with Foundation's
    /// `JSONEncoder` (what the store used before), and returns the seconds each took and the bytes the store wrote.
    public func podEncodingSeconds(count: Int) -> (store: Double, foundation: Double, bytes: Int) {
        guard let table = world.store.table(.pods) else { return (0, 0, 0) }
        let pods = table.sortedKeys.prefix(count).compactMap { world.store.get(Pod.self, $0) }
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.withoutEscapingSlashes]
        let store = JSONBytesEncoder()
        var bytes = 0
        let storeSeconds = Self.seconds { for pod in pods { bytes &+= (try? store.encode(pod))?.count ?? 0 } }
        let foundationSeconds = Self.seconds { for pod in pods { _ = try? foundation.encode(pod) } }
        return (storeSeconds, foundationSeconds, bytes)
    }

    private static func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
