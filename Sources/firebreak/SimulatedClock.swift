import ClusterSim
import Foundation

/// The simulator's clock, readable synchronously from any thread (for signal windows and ages).
final class SimulatedClock: @unchecked Sendable {
    private let cluster: SimCluster
    private let lock = NSLock()
    private var latest = Date()

    init(cluster: SimCluster) {
        self.cluster = cluster
    }

    /// Simulated time as last read from the simulator (at most 100 ms old).
    @Sendable func now() -> Date {
        lock.withLock { latest }
    }

    /// Reads the simulator's clock every 100 ms until cancelled.
    func follow() async {
        while !Task.isCancelled {
            let simulated = await cluster.now
            lock.withLock { latest = simulated }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
