import Testing

@testable import ClusterSim

/// A big steady cluster must cost nothing per tick in API writes, or the simulator would drown its own watchers.
@Suite("Scale steady state")
struct ScaleSteadyStateTests {
    @Test func aSettledClusterWritesNothingWithoutChurn() async throws {
        let sim = try SimHarness("scale", options: ScenarioOptions(nodes: 20, pods: 400, churnPerSecond: 0))
        await sim.cluster.advance(bySeconds: 10)
        let version = await sim.cluster.resourceVersion
        await sim.cluster.advance(bySeconds: 5)
        #expect(await sim.cluster.resourceVersion == version, "no object changes without churn since \(version)")
    }
}
