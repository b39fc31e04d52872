import ClusterModel
import Foundation
import TestSupport
import Testing

/// A node whose kubelet leaks memory: MemoryPressure, then NotReady.
@Suite("Node signals over HTTPS")
struct NodeSignalTests {
    @Test func kubeletLeakShowsMemoryPressureThenNotReady() async throws {
        try await LiveCluster.with("kubelet-memory-leak") { live in
            #expect(await live.active(.nodePressure).isEmpty)
            #expect(await live.active(.nodeNotReady).isEmpty)
            // The pressure phase lasts under a simulated minute: stop the clock as soon as the store shows it,
            // then give signal evaluation (about once a real second) time to report it.
            let pressured = try await live.advance(upTo: 600, step: 10, pause: .milliseconds(50)) {
                await Self.node3(live)?.memoryPressure?.status == .isTrue
            }
            #expect(pressured, "the store saw MemoryPressure on node-3")
            try await eventually("a MemoryPressure observation for node-3") {
                await live.active(.nodePressure).contains {
                    $0.subject.name == "node-3" && $0.evidence["condition"] == "MemoryPressure"
                }
            }
            let notReady = try await live.advance(upTo: 600, step: 10) {
                await live.active(.nodeNotReady).contains { $0.subject.name == "node-3" && $0.severity == .critical }
            }
            #expect(notReady, "node-3 NotReady")
            let others = await live.active(.nodeNotReady).filter { $0.subject.name != "node-3" }
            #expect(others.isEmpty, "only the leaking node goes NotReady")
        }
    }

    static func node3(_ live: LiveCluster) async -> NodeSummary? {
        await live.connection.store.snapshot().nodes.values.first { $0.name == "node-3" }
    }
}
