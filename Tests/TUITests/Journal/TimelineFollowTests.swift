import Foundation
import Testing
import Timeline

@testable import TUI

/// The Timeline pane follows the newest entry, as `tail -f` does, unless the engineer moved off the last row.
@Suite struct TimelineFollowTests {
    static func rows(_ count: Int) -> [TimelineRow] {
        let timeline = IncidentTimeline(entries: Array(SampleJournal.entries.prefix(count)))
        return TimelineRow.rows(of: timeline, showsHidden: true)
    }

    static func replace(_ count: Int, _ console: inout ClusterConsole, _ state: inout AppState) {
        for event in console.replaceTimeline(Self.rows(count), emptyMessage: "", state: state) {
            _ = reduce(&state, event)
        }
    }

    @Test func theCursorFollowsTheNewestEntryUntilTheEngineerMovesUp() throws {
        try #require(SampleJournal.entries.count >= 5)
        var console = ClusterConsole()
        var state = AppState.sample(size: Size(width: 120, height: 30), focus: .timeline)
        Self.replace(3, &console, &state)
        #expect(state.panes[.timeline]?.cursor == 2, "the first fill starts on the newest entry")
        Self.replace(4, &console, &state)
        #expect(state.panes[.timeline]?.cursor == 3, "on the last row, the cursor follows a new entry")
        _ = reduce(&state, .keyPressed(.up))
        _ = reduce(&state, .keyPressed(.up))
        let selected = try #require(console.timeline.rowID(at: 1))
        Self.replace(5, &console, &state)
        let cursor = try #require(state.panes[.timeline]?.cursor)
        #expect(console.timeline.rowID(at: cursor) == selected, "moved up, the cursor stays on its entry")
        #expect(cursor < 4, "and does not follow the newest")
    }
}
