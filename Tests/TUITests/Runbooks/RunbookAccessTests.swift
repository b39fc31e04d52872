import ClusterModel
import ClusterSim
import Foundation
import Logging
import Runbooks
import TestSupport
import Testing
import Timeline

@testable import TUI

/// A read-only token against the simulator over HTTPS: the key is disabled with the server's reason as soon as the
/// row is selected, and a run is refused before anything is asked or changed.
@Suite(.serialized, .timeLimit(.minutes(1)))
@MainActor
struct RunbookAccessTests {
    /// A console-side runner on the coredns story, watched as the `viewer` user (read-only).
    func withViewer(_ body: (RunbookRunner, EventInbox, ClusterConnection, RunbookTarget) async throws -> Void)
        async throws
    {
        let folder = try TemporaryDirectory()
        let served = try await ServedSimulator.start(
            try SimCluster(scenario: "coredns-dns-spike", start: Date()), user: .viewer)
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(variables: [:], homeDirectory: folder.path)
        ).load(kubeconfigPath: served.kubeconfigPath)
        let connection = try ClusterConnection(endpoint: endpoint, metricsInterval: nil)
        await connection.start()
        await connection.store.waitUntilSynced([.pods, .replicaSets, .deployments])
        let pods = await connection.store.snapshot().pods.values
        let pod = try #require(pods.first { $0.name.hasPrefix("coredns-") })
        let inbox = EventInbox()
        let runner = RunbookRunner(
            catalog: SampleRunbooks.catalog,
            journal: try SQLiteJournal(directory: StateDirectory(path: folder.path + "/state")),
            isReadOnly: false, inbox: inbox, logger: Logger(label: "test"))
        let target = RunbookTarget(kind: .pod, namespace: pod.namespace, name: pod.name)
        do {
            try await body(runner, inbox, connection, target)
        } catch {
            await connection.stop()
            await served.stop()
            throw error
        }
        await connection.stop()
        await served.stop()
    }

    /// Events posted to `inbox` until `done` says enough, within 20 s.
    func collect(_ inbox: EventInbox, until done: ([AppEvent]) -> Bool) async -> [AppEvent] {
        var events: [AppEvent] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while !done(events), ContinuousClock.now < deadline {
            events += inbox.takeAll()
            try? await Task.sleep(for: .milliseconds(20))
        }
        return events
    }

    @Test func aReadOnlyTokenDisablesTheKeyWithTheServersReasonWhenTheRowIsSelected() async throws {
        try await withViewer { runner, inbox, connection, target in
            let state = AppState.sample(size: Size(width: 80, height: 24))
            let selectedAt = ContinuousClock.now
            runner.checkAccess(
                for: target, state: state, connection: connection, context: "sim", clock: ClusterClock(),
                now: selectedAt)
            runner.checkAccess(
                for: target, state: state, connection: connection, context: "sim", clock: ClusterClock(),
                now: selectedAt + .milliseconds(100))
            try await Task.sleep(for: .milliseconds(500))
            #expect(inbox.takeAll().isEmpty, "checked before the cursor rested on the row")
            runner.checkAccess(
                for: target, state: state, connection: connection, context: "sim", clock: ClusterClock(),
                now: selectedAt + RunbookRunner.restingTime)
            let key = RunbookAccessKey(runbook: "raise-memory-limit", target: target)
            let events = await collect(inbox) { events in
                events.contains { if case .runbookAccessChecked(key, _) = $0 { true } else { false } }
            }
            var checked = state
            for event in events { _ = reduce(&checked, event) }
            let availability = try #require(checked.runbookAccess[key])
            guard case .unavailable(let reason) = availability else {
                Issue.record("raise-memory-limit was allowed for the viewer")
                return
            }
            #expect(
                reason.hasPrefix("Forbidden: these credentials may not patch deployments.apps coredns"), "\(reason)")
            #expect(runner.disabledReasons(for: target, state: checked)["raise-memory-limit"] == reason)
            #expect(
                runner.request(
                    "raise-memory-limit", target: target, state: checked, connection: connection, context: "sim",
                    clock: ClusterClock())
                    == [.runbookRefused("Runbook 'raise-memory-limit' cannot run here: \(reason)")])
        }
    }

    @Test func aRunWithAReadOnlyTokenIsRefusedBeforeAnyQuestion() async throws {
        try await withViewer { runner, inbox, connection, target in
            let state = AppState.sample(size: Size(width: 80, height: 24))
            let started = runner.request(
                "raise-memory-limit", target: target, state: state, connection: connection, context: "sim",
                clock: ClusterClock())
            guard case .runbookStarted(let panel)? = started.first else {
                Issue.record("not started: \(started)")
                return
            }
            let events = await collect(inbox) { events in
                events.contains { if case .runbookFinished = $0 { true } else { false } }
            }
            #expect(!events.contains { if case .runbookConfirmationRequested = $0 { true } else { false } })
            guard case .runbookFinished(panel.action, _, let status, let message)? = events.last else {
                Issue.record("no result: \(events)")
                return
            }
            #expect(status == .refused)
            #expect(message.hasPrefix("Forbidden: these credentials may not patch"), "\(message)")
        }
    }
}
