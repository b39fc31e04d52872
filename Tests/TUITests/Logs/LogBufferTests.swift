import ClusterModel
import Testing

@testable import TUI

/// The bounded line buffer, its search, and how log text is shown.
@Suite struct LogBufferTests {
    static func lines(_ texts: [String]) -> [LogLine] { texts.map { LogLine(time: nil, text: $0) } }

    @Test(arguments: [
        ([["a", "b"]], ["a", "b"], 0), ([["a", "b"], ["c", "d"]], ["b", "c", "d"], 1),
        ([["a", "b", "c", "d", "e"]], ["c", "d", "e"], 2),
        ([["a"], ["b"], ["c"], ["d"], ["e"], ["f"], ["g"]], ["e", "f", "g"], 4),
    ])
    func keepsTheLastLinesNumberedFromTheFirstEverReceived(batches: [[String]], kept: [String], first: Int) {
        var buffer = LogBuffer(capacity: 3)
        for batch in batches { buffer.append(contentsOf: Self.lines(batch)) }
        #expect((buffer.firstNumber..<buffer.endNumber).compactMap { buffer[$0]?.text } == kept)
        #expect(buffer.firstNumber == first)
        #expect(buffer[first - 1] == nil && buffer[buffer.endNumber] == nil)
    }

    @Test(arguments: [
        ("cache", "[INFO] plugin/CACHE: 4 entries", true), ("Resident 171Mi", "resident 171mi of 170Mi", true),
        ("ndots:5", "search-path (ndots:4)", false), ("é", "café", true), ("", "anything", false),
    ])
    func searchIgnoresASCIICase(query: String, text: String, matches: Bool) {
        #expect(LogSearch(query: query).isMatch(text) == matches)
    }

    @Test func searchMatchesFollowTheBufferAsLinesArriveAndFallOff() {
        var buffer = LogBuffer(capacity: 4)
        buffer.append(contentsOf: Self.lines(["x1", "y", "x2", "y"]))
        var search = LogSearch(query: "x", in: buffer)
        #expect(search.matches == [0, 2])
        let start = buffer.endNumber
        buffer.append(contentsOf: Self.lines(["y", "x3"]))
        search.add(buffer, from: start)
        #expect(search.matches == [2, 5])
        #expect(search.match(after: 2) == 5 && search.match(before: 2) == nil && search.match(after: 5) == nil)
        search.current = 5
        #expect(search.currentPosition == 2)
    }

    @Test(arguments: [
        ("\u{1B}[31mERROR\u{1B}[0m failed", "ERROR failed"), ("plain", "plain"), ("\u{1B}[1;32mok", "ok"),
    ])
    func colourEscapesAreNotShown(text: String, shown: String) {
        #expect(LogText.displayed(text) == shown)
    }

    @Test(arguments: [("abcdefgh", 3, ["abc", "def", "gh"]), ("", 3, [""]), ("日本語", 4, ["日本", "語"])])
    func wrappedTextFillsRowsOfTheWidth(text: String, width: Int, rows: [String]) {
        #expect(LogText.rows(text, width: width).map { String(text[$0]) } == rows)
        #expect(LogText.rowCount(text, width: width) == rows.count)
    }
}
