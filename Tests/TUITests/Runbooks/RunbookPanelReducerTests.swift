import Runbooks
import Testing

@testable import TUI

/// The runbook panel in the pure reducer: keys, the engine's questions and progress, and the effects that answer.
@Suite struct RunbookPanelReducerTests {
    var state: AppState = {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .rowsChanged(.pods, rowCount: 3, totalCount: 3))
        return state
    }()

    mutating func press(_ keys: Key...) -> [AppEffect] {
        keys.flatMap { reduce(&state, .keyPressed($0)) }
    }

    mutating func type(_ text: String) -> [AppEffect] {
        text.flatMap { reduce(&state, .keyPressed(.character($0))) }
    }

    mutating func open(_ panel: RunbookPanel = SamplePanels.preparing) {
        _ = reduce(&state, .runbookStarted(panel))
    }

    @Test mutating func fourKeysFromTheRowToTheRaisedLimit() {
        _ = press(.down)
        #expect(press(.character("m")) == [.requestRunbook("raise-memory-limit", .pods, row: 1)])
        open()
        #expect(state.mode == .runbook)
        _ = reduce(&state, .runbookProgressed(action: 1, SamplePanels.planned))
        _ = reduce(&state, .runbookProgressed(action: 1, SamplePanels.previewed))
        _ = reduce(&state, .runbookConfirmationRequested(action: 1))
        #expect(state.runbook?.phase == .reviewing)
        #expect(press(.enter).isEmpty)
        #expect(state.runbook?.phase == .confirming(typed: ""))
        #expect(press(.character("y")) == [.answerRunbook(action: 1, .confirmation(.accepted(typed: nil)))])
        #expect(state.runbook?.phase == .running)
    }

    @Test mutating func enterBeforeTheDiffAsksAsSoonAsItArrives() {
        open()
        #expect(press(.enter).isEmpty)
        #expect(press(.character("y")).isEmpty, "nothing is confirmed before the diff is shown")
        _ = reduce(&state, .runbookProgressed(action: 1, SamplePanels.previewed))
        _ = reduce(&state, .runbookConfirmationRequested(action: 1))
        #expect(state.runbook?.phase == .confirming(typed: ""))
    }

    @Test mutating func aDisruptiveRunbookIsConfirmedByTypingTheObjectsName() {
        var panel = SamplePanels.reviewing
        panel.confirmation = .typeName("web-1")
        open(panel)
        _ = press(.enter)
        #expect(press(.character("y")).isEmpty)
        _ = press(.backspace)
        _ = type("web-1")
        #expect(state.runbook?.phase == .confirming(typed: "web-1"))
        #expect(press(.enter) == [.answerRunbook(action: 1, .confirmation(.accepted(typed: "web-1")))])
    }

    @Test mutating func editingAParameterPlansAndDryRunsAgainWithTheValue() {
        open(SamplePanels.reviewing)
        _ = press(.down)
        _ = press(.character("e"))
        #expect(state.runbook?.editing == "255Mi")
        _ = press(.control("u"))
        _ = type("300Mi")
        let effects = press(.enter)
        #expect(
            effects == [
                .answerRunbook(action: 1, .confirmation(.declined)),
                .runRunbook("raise-memory-limit", SamplePanels.target, settings: ["limit": "300Mi"]),
            ])
        #expect(state.runbook?.phase == .preparing)
    }

    @Test mutating func escapeWhilePreparingDeclinesAndCloses() {
        open()
        #expect(press(.escape) == [.answerRunbook(action: 1, .confirmation(.declined))])
        #expect(state.mode == .normal)
        #expect(state.runbook == nil)
        #expect(
            reduce(&state, .runbookConfirmationRequested(action: 1)) == [
                .answerRunbook(action: 1, .confirmation(.declined))
            ], "a question from a closed action is answered no")
    }

    @Test mutating func aConflictReplanAsksAgain() {
        open(SamplePanels.running)
        _ = reduce(&state, .runbookConfirmationRequested(action: 1))
        #expect(state.runbook?.phase == .reviewing)
        #expect(state.runbook?.isAskingAgain == true)
    }

    @Test mutating func aFailedVerificationOffersRollback() {
        open(SamplePanels.running)
        _ = press(.escape)
        #expect(state.mode == .normal)
        _ = reduce(&state, .runbookRollbackOffered(action: 1, reason: "new pods were OOM-killed"))
        #expect(state.mode == .runbook)
        #expect(press(.character("y")) == [.answerRunbook(action: 1, .rollback(true))])
    }

    @Test mutating func theResultShowsInThePanelOrInTheFooterWhenHidden() {
        open(SamplePanels.running)
        _ = reduce(&state, .runbookFinished(action: 1, actionID: "a1", status: .verified, message: "no OOM kill"))
        #expect(state.runbook?.phase == .finished(.verified, "no OOM kill"))
        #expect(state.runbook?.progress.last?.state == .done)
        _ = press(.escape)
        #expect(state.runbook == nil)

        open(SamplePanels.running)
        _ = press(.escape)
        _ = reduce(&state, .runbookFinished(action: 1, actionID: nil, status: .failed, message: "step failed"))
        #expect(
            state.message
                == StatusMessage(
                    "raise-memory-limit on coredns-7db6d8ff4d-x2k9p: failed: step failed", isError: true))
    }

    @Test mutating func progressForAnotherActionIsIgnored() {
        open()
        _ = reduce(&state, .runbookProgressed(action: 2, SamplePanels.previewed))
        #expect(state.runbook?.changes.isEmpty == true)
    }

    @Test mutating func aRefusalSaysWhyInTheFooter() {
        _ = reduce(&state, .runbookRefused("Runbook 'scale' cannot run here: console is read-only"))
        #expect(state.message == StatusMessage("Runbook 'scale' cannot run here: console is read-only", isError: true))
        #expect(state.mode == .normal)
    }

    @Test mutating func runbookCommandRunsAnyRunbookOnTheSelection() {
        _ = press(.down, .down)
        _ = press(.character(":"))
        _ = type("runbook scale")
        #expect(press(.enter) == [.requestRunbook("scale", .pods, row: 2)])
    }

    @Test mutating func permissionAnswersAreKeptPerRunbookAndRow() {
        let key = RunbookAccessKey(runbook: "scale", target: SamplePanels.target)
        _ = reduce(&state, .runbookAccessChecked(key, .unavailable("forbidden")))
        #expect(state.runbookAccess[key] == .unavailable("forbidden"))
    }

    @Test mutating func theLoopLooksAtItsInboxOftenOnlyWhileThePanelWaitsForTheEngine() {
        #expect(!state.awaitsEngine)
        open()
        #expect(state.awaitsEngine)
        _ = reduce(&state, .runbookConfirmationRequested(action: 1))
        #expect(!state.awaitsEngine, "waiting for the engineer")
        _ = press(.enter)
        _ = press(.character("y"))
        #expect(state.awaitsEngine)
        _ = press(.escape)
        #expect(!state.awaitsEngine, "hidden behind the tables")
    }

    @Test mutating func escapeStopsAnActionThatReportsWhatItIsDoing() {
        var panel = SamplePanels.running
        panel.apply(
            .status(["evicted 3/10, terminating 2, waiting 5", "blocked by PodDisruptionBudget shop/web: 2 pod(s)"]))
        open(panel)
        #expect(press(.escape) == [.cancelRunbook(action: 1)])
        #expect(state.mode == .runbook, "the panel stays to show what was and was not done")
        #expect(RunbookPanelView(panel: panel).prompt.text.hasSuffix("Esc stop (what was done stays done)"))
    }
}
