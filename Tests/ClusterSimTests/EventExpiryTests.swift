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

/// `sim serve --max-events`: a bound on the Events kept under churn, the oldest minutes expiring first.
@Suite("Event limit")
struct EventLimitTests {
    static let churn = ScenarioOptions(nodes: 4, pods: 40, churnPerSecond: 3)

    /// Event names and when each was last seen, after `minutes` of churn with `limit`.
    static func events(after minutes: Double, limit: Int?, controllers: ControllerMode) async throws -> [String: Int64]
    {
        let sim = try SimHarness("scale", options: churn, controllers: controllers)
        await sim.cluster.setEventLimit(limit)
        await sim.advance(minutes: minutes)
        return await sim.cluster.eventsLastSeen()
    }

    @Test func theOldestMinutesExpireFirstWhileMoreThanTheLimitAreKept() async throws {
        let unbounded = try await Self.events(after: 10, limit: nil, controllers: .changeDriven)
        #expect(unbounded.count > 600, "churn records more events than the limit: \(unbounded.count)")
        let bounded = try await Self.events(after: 10, limit: 300, controllers: .changeDriven)
        #expect(bounded.count <= 300 + 3 * 60 * 3, "within a minute's events of the limit: \(bounded.count)")
        #expect(bounded.count > 0)
        // The oldest minutes went, the newest stayed.
        let minutes = { (events: [String: Int64]) in Set(events.values.map { $0 / 60 }) }
        let kept = minutes(bounded)
        let all = minutes(unbounded)
        #expect(try #require(kept.min()) > #require(all.min()))
        #expect(kept.max() == all.max())
        #expect(kept == all.filter { $0 >= kept.min() ?? 0 }, "no minute skipped in between")
    }

    @Test func bothControllerModesDropTheSameEvents() async throws {
        let changeDriven = try await Self.events(after: 8, limit: 200, controllers: .changeDriven)
        let fullVisit = try await Self.events(after: 8, limit: 200, controllers: .fullVisit)
        #expect(changeDriven == fullVisit)
    }
}

extension SimCluster {
    /// Every stored Event's name and the second it was last seen.
    fileprivate func eventsLastSeen() -> [String: Int64] {
        var seen: [String: Int64] = [:]
        for event in world.store.all(Event.self) {
            seen[event.metadata.name ?? ""] = ClusterWorld.lastSeen(event, or: world.timestamp).seconds
        }
        return seen
    }
}
