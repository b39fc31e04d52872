import Foundation
import Testing
import Timeline

@testable import TUI

@Suite struct JournalReducerTests {
    static let now = Date(timeIntervalSince1970: 1_795_252_800)  // 2026-11-21 09:20:00 UTC

    func state(incident: Bool = true) -> AppState {
        var state = AppState.sample(size: Size(width: 80, height: 24))
        _ = reduce(&state, .tick(ConsoleTime(wall: Self.now, cluster: Self.now)))
        if incident {
            _ = reduce(
                &state,
                .journal(
                    .incidentChanged(
                        IncidentLine(shortID: "3f2a0000", title: "CoreDNS OOM", context: "prod"),
                        milestones: [
                            MilestoneLine(milestone: .impactStarted, setAt: Self.now.addingTimeInterval(-600)),
                            MilestoneLine(
                                milestone: .detected, proposedAt: Self.now.addingTimeInterval(-300),
                                proposalReason: "first critical signal"),
                            MilestoneLine(milestone: .acknowledged), MilestoneLine(milestone: .mitigated),
                            MilestoneLine(milestone: .resolved),
                        ])))
        }
        return state
    }

    func press(_ keys: Key..., on state: inout AppState) -> [AppEffect] {
        keys.flatMap { reduce(&state, .keyPressed($0)) }
    }

    func type(_ text: String, on state: inout AppState) -> [AppEffect] {
        text.flatMap { reduce(&state, .keyPressed(.character($0))) }
    }

    @Test func capitalIOpensAnIncidentWithTheTypedTitle() {
        var state = state(incident: false)
        #expect(press(.character("I"), on: &state).isEmpty)
        #expect(state.mode == .journal(.incidentTitle("")))
        _ = type("DNS down", on: &state)
        #expect(press(.enter, on: &state) == [.journal(.openIncident(title: "DNS down"))])
        #expect(state.mode == .normal)
    }

    @Test func capitalEExportsTheCurrentIncidentsCOE() {
        var state = state()
        #expect(press(.character("E"), on: &state) == [.journal(.exportCOE)])
    }

    @Test func capitalEWithoutAnIncidentSaysWhy() {
        var state = state(incident: false)
        #expect(press(.character("E"), on: &state).isEmpty)
        #expect(state.message?.isError == true)
    }

    @Test func anEmptyTitleIsRefusedWithAReason() {
        var state = state(incident: false)
        _ = press(.character("I"), .character(" "), on: &state)
        #expect(press(.enter, on: &state).isEmpty)
        #expect(state.message == StatusMessage("An incident needs a title", isError: true))
    }

    @Test func aNoteIsTypedAndAddedToTheCurrentIncident() {
        var state = state()
        _ = press(.character("n"), on: &state)
        _ = type("rolled back by hand", on: &state)
        _ = press(.backspace, on: &state)
        #expect(press(.enter, on: &state) == [.journal(.addNote("rolled back by han"))])
    }

    @Test(arguments: [Key.character("n"), .character("M")])
    func notesAndMilestonesNeedAnOpenIncident(key: Key) {
        var state = state(incident: false)
        #expect(press(key, on: &state).isEmpty)
        #expect(state.mode == .normal)
        #expect(state.message == StatusMessage("No incident is open: press I to open one", isError: true))
    }

    @Test func anUnavailableJournalSaysWhyOnEveryKey() {
        var state = state(incident: false)
        _ = reduce(&state, .journal(.unavailable("/tmp/x/journal.sqlite is owned by uid 0")))
        _ = press(.character("I"), on: &state)
        #expect(state.mode == .normal)
        #expect(state.message?.text == "The incident journal is unavailable: /tmp/x/journal.sqlite is owned by uid 0")
    }

    @Test func milestonesOpenOnTheFirstUnsetOneAndEnterConfirmsTheProposal() {
        var state = state()
        _ = press(.character("M"), on: &state)
        #expect(state.mode == .journal(.milestones(cursor: 1)))
        #expect(
            press(.enter, on: &state) == [.journal(.setMilestone(.detected, at: Self.now.addingTimeInterval(-300)))])
    }

    @Test func enterOnAMilestoneWithoutProposalSetsItNow() {
        var state = state()
        _ = press(.character("M"), .down, on: &state)
        #expect(press(.enter, on: &state) == [.journal(.setMilestone(.acknowledged, at: nil))])
    }

    @Test func aSetMilestoneIsChangedOnlyByTypingATime() {
        var state = state()
        _ = press(.character("M"), .up, on: &state)
        #expect(press(.enter, on: &state).isEmpty)
        #expect(state.message?.text == "impact started is already set at 09:10:00 UTC: press t to change it")
        _ = press(.character("t"), on: &state)
        #expect(state.mode == .journal(.milestoneTime(cursor: 0, "09:10:00")))
        _ = press(.control("u"), on: &state)
        _ = type("09:05", on: &state)
        #expect(
            press(.enter, on: &state) == [
                .journal(.setMilestone(.impactStarted, at: Self.now.addingTimeInterval(-900)))
            ])
    }

    @Test func aTimeThatIsNotOneStaysInThePromptWithTheReason() {
        var state = state()
        _ = press(.character("M"), .character("t"), .control("u"), on: &state)
        _ = type("9h05", on: &state)
        #expect(press(.enter, on: &state).isEmpty)
        #expect(state.mode == .journal(.milestoneTime(cursor: 1, "9h05")))
        #expect(state.message?.text == "'9h05' is not a time: type HH:MM or HH:MM:SS (UTC)")
    }

    @Test func theFirstCriticalSignalOffersAnIncidentOnceWithoutTakingTheKeyboard() {
        var state = state(incident: false)
        _ = press(.character("/"), on: &state)
        _ = reduce(&state, .journal(.criticalSeen(suggestedTitle: "OOMKilled: kube-system/coredns")))
        #expect(state.mode == .filter(""), "typing goes on")
        #expect(state.journal.offer == "OOMKilled: kube-system/coredns")
        _ = reduce(&state, .journal(.criticalSeen(suggestedTitle: "OOMKilled: again")))
        #expect(state.journal.offer == "OOMKilled: kube-system/coredns", "offered once a session")
    }

    @Test func aBetterNameRenamesTheOfferOnlyWhileItShows() {
        var state = state(incident: false)
        _ = reduce(&state, .journal(.criticalSeen(suggestedTitle: "Node OOM: node-1")))
        _ = reduce(&state, .journal(.criticalRenamed(suggestedTitle: "OOMKilled: Deployment kube-system/coredns")))
        #expect(state.journal.offer == "OOMKilled: Deployment kube-system/coredns")
        _ = reduce(
            &state,
            .journal(
                .incidentChanged(IncidentLine(shortID: "1", title: "t", context: "c"), milestones: MilestoneLine.unset))
        )
        _ = reduce(&state, .journal(.criticalRenamed(suggestedTitle: "OOMKilled: later")))
        #expect(state.journal.offer == nil, "no offer comes back once an incident is open")
    }

    @Test func capitalIStartsFromTheOfferedTitleAndOpeningClearsTheOffer() {
        var state = state(incident: false)
        _ = reduce(&state, .journal(.criticalSeen(suggestedTitle: "OOMKilled: kube-system/coredns")))
        _ = press(.character("I"), on: &state)
        #expect(press(.enter, on: &state) == [.journal(.openIncident(title: "OOMKilled: kube-system/coredns"))])
        _ = reduce(
            &state,
            .journal(
                .incidentChanged(IncidentLine(shortID: "1", title: "t", context: "c"), milestones: MilestoneLine.unset))
        )
        #expect(state.journal.offer == nil)
    }

    @Test func noOfferWhileAnIncidentIsOpen() {
        var state = state()
        _ = reduce(&state, .journal(.criticalSeen(suggestedTitle: "OOMKilled: x")))
        #expect(state.journal.offer == nil)
    }

    @Test func newEntriesRefreshTheTimelineWithTheHiddenChoice() {
        var state = state()
        _ = press(.character("H"), on: &state)
        #expect(reduce(&state, .journal(.entriesChanged)) == [.refreshTimeline(showsHidden: true)])
    }

    @Test(arguments: [
        ("09:05", 1_795_251_900.0), ("09:05:30", 1_795_251_930), ("09:05 UTC", 1_795_251_900),
        ("23:50", 1_795_218_600),  // more than an hour ahead: the day before
    ])
    func typedTimesAreReadOnTheClusterDay(text: String, expected: TimeInterval) {
        #expect(MilestoneTime.parse(text, near: Self.now) == Date(timeIntervalSince1970: expected))
    }

    @Test(arguments: ["", "9", "24:00", "09:60", "a:b", "09:05:07:01"])
    func otherTextIsNotATime(text: String) {
        #expect(MilestoneTime.parse(text, near: Self.now) == nil)
    }
}
