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
        guard case .unfinishedActions(let offer?, nil)? = events.first else {
            Issue.record("nothing reported: \(events)")
            return
        }
        #expect(
            offer == "Result unknown: action 20261121-101651-3f2a (scale on deployment shop/checkout) · :recheck asks "
                + "the cluster · undo: firebreak runbook rollback 20261121-101651-3f2a")
    }

    @Test func noUnfinishedActionsOfferNothing() {
        #expect(RunbookRunner.unfinishedOffer([]) == nil)
    }

    @Test func theOfferStandsInTheFooterUntilARecheckSettlesIt() {
        var state = AppState.sample(size: Size(width: 160, height: 24))
        let offer = "Result unknown: action a-1 (scale on deployment shop/checkout) · :recheck asks the cluster"
        _ = reduce(&state, .unfinishedActions(offer: offer, message: nil))
        _ = reduce(&state, .keyPressed(.character("j")))
        #expect(state.unfinishedOffer == offer)
        let footer = ConsoleView(state: state, header: HeaderBar(segments: []), providers: [:]).render().textLines()
            .last
        #expect(footer?.hasPrefix(offer) == true, "\(footer ?? "")")
        _ = reduce(&state, .keyPressed(.character(":")))
        for character in "recheck" { _ = reduce(&state, .keyPressed(.character(character))) }
        #expect(reduce(&state, .keyPressed(.enter)) == [.recheckUnfinished])
        let found = StatusMessage("Re-checked action a-1: not in effect: …; recorded in the journal")
        _ = reduce(&state, .unfinishedActions(offer: nil, message: found))
        #expect(state.unfinishedOffer == nil && state.message == found)
    }

    @Test func oneVerdictIsShownInFullAndSeveralAreCounted() {
        let one = RunbookRunner.recheckMessage([("a-1", .inEffect("x already holds the change"))])
        #expect(one.text == "Re-checked action a-1: in effect: x already holds the change; recorded in the journal")
        #expect(!one.isError)
        let several = RunbookRunner.recheckMessage([
            ("a-1", .inEffect("done")), ("a-2", .notInEffect("still there")),
            ("a-3", .undetermined("forbidden")), ("a-4", .inEffect("done")),
        ])
        #expect(
            several.text
                == "Re-checked 4 requests: 2 in effect, 1 not in effect, 1 undetermined (see the Timeline pane)")
        #expect(several.isError)
        #expect(RunbookRunner.recheckMessage([]).text.hasPrefix("Nothing to re-check"))
    }
}
