import Testing

@testable import ClusterSim

/// Events live an hour (the API server's `--event-ttl`); what the simulator keeps to aggregate repeats must go with
/// them, or a long run with churn grows without bound.
@Suite("Event expiry")
struct EventExpiryTests {
    @Test func expiredEventsTakeTheirAggregationNotesWithThem() async throws {
        let sim = try SimHarness("scale", options: ScenarioOptions(nodes: 4, pods: 40, churnPerSecond: 2))
        await sim.cluster.advance(bySeconds: 30)
        let early = await sim.cluster.aggregationNotes()
        #expect(early.notes > 0, "churn records events")
        await sim.cluster.setChurn(perSecond: 0)
        await sim.cluster.advance(bySeconds: 3700)
        let late = await sim.cluster.aggregationNotes()
        #expect(late.stale == 0, "\(late.stale) of \(late.notes) notes name events that expired")
        #expect(late.notes < early.notes)
    }
}

extension SimCluster {
    /// The correlator's notes, and how many of them name an event no longer stored.
    fileprivate func aggregationNotes() -> (notes: Int, stale: Int) {
        let stale = world.eventKeys.values.filter { world.store.get(Event.self, $0) == nil }.count
        return (world.eventKeys.count, stale)
    }
}
