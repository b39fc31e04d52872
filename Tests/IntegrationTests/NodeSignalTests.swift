import ClusterModel
import Foundation
import Testing

/// A node whose kubelet leaks memory: MemoryPressure, then NotReady.
@Suite("Node signals over HTTPS")
struct NodeSignalTests {
    @Test func kubeletLeakShowsMemoryPressureThenNotReady() async throws {
        try await LiveCluster.with("kubelet-memory-leak") { live in
            #expect(await live.active(.nodePressure).isEmpty)
            #expect(await live.active(.nodeNotReady).isEmpty)
            // Signals are evaluated about once a real second; step slowly enough that the pressure phase is sampled.
            let pressured = try await live.advance(upTo: 600, step: 15, pause: .milliseconds(250)) {
                live.observations.all.contains { $0.kind == .nodePressure && $0.subject.name == "node-3" && $0.evidence["condition"] == "MemoryPressure" }
            }
            #expect(pressured, "MemoryPressure on node-3")
            let notReady = try await live.advance(upTo: 600, step: 10) {
                await live.active(.nodeNotReady).contains { $0.subject.name == "node-3" }
            }
            #expect(notReady, "node-3 NotReady")
            let others = await live.active(.nodeNotReady).filter { $0.subject.name != "node-3" }
            #expect(others.isEmpty, "only the leaking node goes NotReady")
        }
    }
}
