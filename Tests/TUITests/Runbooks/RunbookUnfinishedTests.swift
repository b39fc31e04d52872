import Foundation
import Logging
import Runbooks
import TestSupport
import Testing
import Timeline

@testable import TUI

/// A request the journal holds without its answer (the process stopped) is reported when the console connects.
@MainActor
@Suite struct RunbookUnfinishedTests {
    static let target = RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout")

    static func intent(_ id: String) -> ActionRecord {
        var intent = ActionRecord(
            actionID: id, sequence: 1, time: Date(timeIntervalSince1970: 1_795_256_211), runbook: "scale",
            target: target, kind: .intent, step: "set the replicas")
        intent.method = "PATCH"
        intent.path = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale"
        return intent
    }

    @Test func anIntentWithoutItsResultIsReportedInTheFooter() async throws {
        let folder = try TemporaryDirectory()
        let journal = try SQLiteJournal(directory: StateDirectory(path: folder.path))
        let incident = try await journal.openIncident(
            title: "checkout slow", context: "prod", at: Date(timeIntervalSince1970: 1_795_256_000))
        try await JournalActionRecorder(journal: journal, context: "prod", incident: incident.id)
            .record(Self.intent("20261121-101651-3f2a"))
        let inbox = EventInbox()
        let runner = RunbookRunner(
            catalog: SampleRunbooks.catalog, journal: journal, isReadOnly: false, inbox: inbox,
            logger: Logger(label: "test"))
        runner.reportUnfinished()
        var events: [AppEvent] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while events.isEmpty, ContinuousClock.now < deadline {
            events += inbox.takeAll()
            try await Task.sleep(for: .milliseconds(20))
        }
        guard case .messagePosted(let message)? = events.first else {
            Issue.record("nothing reported: \(events)")
            return
        }
        #expect(message.isError)
        #expect(
            message.text.hasPrefix(
                "Result unknown: action 20261121-101651-3f2a (scale on deployment shop/checkout) sent PATCH "
                    + "/apis/apps/v1/namespaces/shop/deployments/checkout/scale and stopped before its answer"))
        #expect(message.text.hasSuffix("firebreak runbook rollback 20261121-101651-3f2a"))
    }

    @Test func noUnfinishedActionsSayNothing() {
        #expect(RunbookRunner.unfinishedMessage([]) == nil)
    }
}
