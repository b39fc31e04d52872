import ClusterModel
import Foundation
import TestSupport
import Testing
import Timeline

@testable import TUI

@MainActor
@Suite struct EffectRunnerTests {
    let directory: TemporaryDirectory
    let kubeconfig: String

    init() throws {
        directory = try TemporaryDirectory()
        kubeconfig = try directory.write(
            "config",
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: nowhere
              cluster: {server: "https://127.0.0.1:1"}
            users:
            - name: someone
              user: {token: not-a-secret}
            contexts:
            - name: staging
              context: {cluster: nowhere, user: someone}
            current-context: staging
            """)
    }

    func runner() -> EffectRunner {
        EffectRunner(
            kubeconfigPath: kubeconfig, isReadOnly: false, metricsInterval: .seconds(30),
            simulatedTime: { Date(timeIntervalSince1970: 0) },
            stateDirectory: StateDirectory(path: directory.path + "/state"), inbox: EventInbox())
    }

    var state: AppState { ClusterConsole.initialState(size: Size(width: 80, height: 24)) }

    @Test func aRowWithoutADetailComesBackAsDetailUnavailable() {
        #expect(
            runner().perform(.showDetail(.signals, row: 0), state: state) == [
                .detailUnavailable(reason: "No detail view for this row")
            ])
    }

    @Test func aRunbookOnARowWithoutAnObjectOrAnUnknownRunbookComesBackAsRefused() {
        let runner = EffectRunner(
            kubeconfigPath: kubeconfig, isReadOnly: false, metricsInterval: .seconds(30),
            simulatedTime: { Date(timeIntervalSince1970: 0) },
            stateDirectory: StateDirectory(path: directory.path + "/state"), inbox: EventInbox(),
            runbooks: SampleRunbooks.catalog)
        #expect(
            runner.perform(.requestRunbook("scale", .pods, row: 0), state: state) == [
                .runbookRefused("Runbook 'scale' cannot run here: no object on this row for a runbook")
            ])
        let unknown = runner.perform(.requestRunbook("scael", .pods, row: 0), state: state)
        guard case .runbookRefused(let reason)? = unknown.first else {
            Issue.record("expected runbookRefused, got \(unknown)")
            return
        }
        #expect(reason.contains("scael") && reason.contains("scale"), "\(reason)")
    }

    @Test func anUnknownContextComesBackAsSwitchFailed() throws {
        let events = runner().perform(.switchContext("prod"), state: state)
        guard case .switchFailed(let reason) = try #require(events.first) else {
            Issue.record("expected switchFailed, got \(events)")
            return
        }
        #expect(reason.contains("prod"))
        #expect(events.count == 1)
    }

    @Test func switchesReconnectAndEmptyThePanes() {
        let runner = runner()
        defer { runner.disconnect() }
        let emptied = PaneID.allCases.map { AppEvent.rowsChanged($0, rowCount: 0, totalCount: 0, cursor: 0) }
        #expect(runner.perform(.switchContext("staging"), state: state) == emptied)
        #expect(runner.perform(.switchNamespace("shop"), state: state) == emptied)
        var state = state
        state.time = ConsoleTime(wall: Date(), cluster: Date())
        let header = runner.render(state).textLines()[0]
        #expect(header.contains("ctx staging"))
        #expect(header.contains("ns shop"))
    }

    @Test func theHeaderClockIsTheStatesClusterTime() {
        var state = state
        state.time = ConsoleTime(
            wall: Date(timeIntervalSince1970: 0), cluster: Date(timeIntervalSince1970: 13 * 3_600 + 14 * 60 + 15))
        #expect(runner().render(state).textLines()[0].contains("13:14:15 UTC"))
    }
}
