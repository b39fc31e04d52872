import Foundation
import Testing

@testable import ClusterModel

@Suite("Cluster connection", .enabled(if: LocalAPIServer.python != nil))
struct ClusterConnectionTests {
    @Test func connectionSyncsEveryResourceAndReportsObservations() async throws {
        let server = try LocalAPIServer()
        let connection = try ClusterConnection(endpoint: server.endpoint(), metricsInterval: nil)
        var states = connection.stateUpdates().makeAsyncIterator()
        var observations = connection.observationUpdates().makeAsyncIterator()
        await connection.start()
        let first = await states.next()
        #expect(first == .connected)
        let snapshot = await connection.store.snapshot()
        #expect(snapshot.nodes.count == 2)
        #expect(snapshot.pods.count == 3)
        #expect(snapshot.deployments.count == 1)
        #expect(snapshot.events.count == 1)
        #expect(snapshot.health.syncedResources.count == ResourceKind.watched.count)
        var seen: [String] = []
        while let batch = await observations.next() {
            seen += batch.map(\.id)
            if seen.contains("crashLoopBackOff/demo/web-oom/web") { break }
        }
        #expect(seen.contains("crashLoopBackOff/demo/web-oom/web"))

        server.stop()
        var afterOutage: [ConnectionState] = []
        while let state = await states.next() {
            afterOutage.append(state)
            if case .stale = state { break }
        }
        #expect(afterOutage.contains { if case .stale = $0 { return true } else { return false } })
        let kept = await connection.store.snapshot()
        #expect(kept.pods.count == 3, "the last known state is kept during the outage")
        #expect(kept.health.isStale)
        await connection.stop()
    }

    @Test func signalsWaitForEveryFirstListOrTheGracePeriod() async throws {
        let server = try LocalAPIServer(failing: ["/apis/policy/v1/poddisruptionbudgets"])
        let connection = try ClusterConnection(
            endpoint: server.endpoint(), metricsInterval: nil, firstListGrace: .seconds(3))
        let started = ContinuousClock.now
        await connection.start()
        await connection.store.waitUntilSynced([.nodes, .pods, .events, .deployments])
        var observations = connection.observationUpdates().makeAsyncIterator()
        let first = await observations.next()
        let waited = ContinuousClock.now - started
        #expect(first != nil)
        #expect(
            waited >= .seconds(3),
            "no signal while budgets could not be listed, until the grace period ended (waited \(waited))")
        #expect(await connection.store.snapshot().health.syncedResources.contains("poddisruptionbudgets") == false)
        await connection.stop()
        server.stop()
    }
}
