import Foundation
import TestSupport
import Testing

@testable import ClusterSim

/// `POST /sim/clock` stops and restarts the running clock; only the admin may touch it.
@Suite("Clock control")
struct ClockControlTests {
    @Test func aPausedClockStandsStillWhileRunningAndMovesAgainWhenResumed() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let paused = await sim.request("POST", "/sim/clock", body: #"{"paused":true}"#)
        #expect(paused.status == 200)
        #expect(paused.json["paused"] == .bool(true))
        let clock = Task { await sim.cluster.run(speed: 100) }
        defer { clock.cancel() }
        let before = await sim.cluster.elapsedSeconds
        try await Task.sleep(for: .milliseconds(400))
        #expect(await sim.cluster.elapsedSeconds == before, "no simulated time passes while paused")

        let resumed = await sim.request("POST", "/sim/clock", body: #"{"paused":false}"#)
        #expect(resumed.json["paused"] == .bool(false))
        try await eventually("the resumed clock to move") { await sim.cluster.elapsedSeconds > before }
    }

    @Test(.timeLimit(.minutes(1))) func watchesGetBookmarksWhileTheClockIsPaused() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.cluster.setPaused(true)
        await sim.cluster.setBookmarkInterval(.milliseconds(200))
        let clock = Task { await sim.cluster.run(speed: 1) }
        defer { clock.cancel() }
        let lines = await sim.watchLines(
            "/api/v1/namespaces/kube-system/pods?watch=1&allowWatchBookmarks=true", count: 20)
        let bookmark = try #require(lines.last.map { try JSONValue(parsing: Data($0.utf8)) })
        #expect(bookmark["type"] == "BOOKMARK", "a paused server still tells its watchers they are alive")
    }

    @Test func explicitStepsStillMoveAPausedClock() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.cluster.setPaused(true)
        let before = await sim.cluster.elapsedSeconds
        let reply = await sim.request("POST", "/sim/advance?seconds=5")
        #expect(reply.status == 200)
        #expect(await sim.cluster.elapsedSeconds == before + 5)
        #expect(await sim.cluster.isPaused)
    }

    @Test(arguments: [#"{"paused":"yes"}"#, #"{}"#, #"{"paused":true,"speed":2}"#, "not json"])
    func aClockRequestWithoutOneBooleanIsRefused(body: String) async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let reply = await sim.request("POST", "/sim/clock", body: body)
        #expect(reply.status == 400)
        #expect(await !sim.cluster.isPaused)
    }

    @Test func theViewerCannotPauseTheClock() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let reply = await sim.request("POST", "/sim/clock", body: #"{"paused":true}"#, token: SimHarness.viewer)
        #expect(reply.status == 401)
        #expect(await !sim.cluster.isPaused)
    }
}
