import ClusterModel
import Foundation
import Testing
import Timeline

@testable import TUI

/// `e` in the log view: the lines on screen go to the current incident as evidence.
@Suite struct LogEvidenceTests {
    static let size = Size(width: 80, height: 24)

    func opened(lines: Int, incident: Bool = true) -> AppState {
        var state = AppState.sample(size: Self.size)
        if incident {
            _ = reduce(
                &state,
                .journal(
                    .incidentChanged(
                        IncidentLine(shortID: "1", title: "DNS", context: "prod"), milestones: MilestoneLine.unset)))
        }
        _ = reduce(&state, .logSubjectResolved(SampleLogs.coredns))
        let log = (1...lines).map { LogLine(time: nil, text: "line \($0)") }
        _ = reduce(&state, .logLinesReceived(stream: 1, log))
        return state
    }

    @Test func eAddsTheLinesOnScreenWhileFollowing() throws {
        var state = opened(lines: 100)
        let effects = reduce(&state, .keyPressed(.character("e")))
        guard case .journal(.addLogExcerpt(let excerpt)) = try #require(effects.first) else {
            Issue.record("expected a log excerpt, got \(effects)")
            return
        }
        let height = LogLayout(size: Self.size).text.height
        #expect(excerpt.lines.count == height)
        #expect(excerpt.lines.last?.text == "line 100")
        #expect(excerpt.lines.first?.text == "line \(101 - height)")
        #expect(excerpt.container == "coredns")
        #expect(!excerpt.isPrevious)
    }

    @Test func aShortLogIsAddedWhole() throws {
        var state = opened(lines: 3)
        let effects = reduce(&state, .keyPressed(.character("e")))
        guard case .journal(.addLogExcerpt(let excerpt)) = try #require(effects.first) else { return }
        #expect(excerpt.lines.map(\.text) == ["line 1", "line 2", "line 3"])
    }

    @Test func withoutAnIncidentTheKeySaysHowToOpenOne() {
        var state = opened(lines: 3, incident: false)
        #expect(reduce(&state, .keyPressed(.character("e"))).isEmpty)
        #expect(state.message == StatusMessage("No incident is open: press I to open one", isError: true))
        #expect(state.mode == .log)
    }

    @Test func theEntryNamesThePodContainerAndRunAndKeepsTheLines() {
        let excerpt = LogExcerpt(
            namespace: "kube-system", pod: "coredns-1", container: "coredns", isPrevious: true, firstNumber: 40,
            lines: [LogLine(time: nil, text: "cache 160Mi"), LogLine(time: nil, text: "cache 169Mi")])
        let draft = excerpt.draft(context: "prod", at: Date(timeIntervalSince1970: 0))
        #expect(draft.summary == "2 log lines of coredns (previous run): cache 169Mi")
        #expect(
            draft.subject
                == ObservationSubject(kind: "Pod", namespace: "kube-system", name: "coredns-1", container: "coredns"))
        #expect(draft.evidence["log"] == .array([.string("cache 160Mi"), .string("cache 169Mi")]))
        #expect(draft.body == .note)
    }
}
