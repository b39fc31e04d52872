import Testing

@testable import TUI

@Suite struct TableColumnTests {
    @Test func fixedColumnsKeepTheirWidthAndFlexibleOnesShareTheRest() {
        let columns = [
            TableColumn("NAME", width: .flex(min: 10, weight: 2)),
            TableColumn("READY", width: .fixed(5)),
            TableColumn("NODE", width: .flex(min: 6)),
        ]
        #expect(TableColumn.widths(of: columns, in: 40) == [22, 5, 11])
        #expect(TableColumn.widths(of: columns, in: 23) == [10, 5, 6])
    }

    @Test func columnsThatDoNotFitAreDroppedFromTheRight() {
        let columns = [
            TableColumn("A", width: .fixed(10)), TableColumn("B", width: .fixed(10)),
            TableColumn("C", width: .fixed(10)),
        ]
        #expect(TableColumn.widths(of: columns, in: 25) == [10, 10, 0])
        #expect(TableColumn.widths(of: columns, in: 5) == [0, 0, 0])
    }

    @Test func lowPriorityColumnsAreHiddenFirst() {
        let columns = [
            TableColumn("NAMESPACE", width: .fixed(10), priority: -1),
            TableColumn("NAME", width: .fixed(10), priority: 2),
            TableColumn("STATUS", width: .fixed(10), priority: 1),
            TableColumn("AGE", width: .fixed(5)),
        ]
        #expect(TableColumn.widths(of: columns, in: 30) == [0, 10, 10, 5])
        #expect(TableColumn.widths(of: columns, in: 21) == [0, 10, 10, 0])
    }
}

@Suite struct TableViewTests {
    static let columns = [
        TableColumn("NAME", width: .flex(min: 8)), TableColumn("AGE", width: .fixed(4), alignment: .right),
    ]

    @Test func onlyVisibleRowsAreFormatted() {
        let asked = RowLog()
        let table = TableView(title: "Pods", columns: Self.columns, rowCount: 150_000, scrollOffset: 1_000) { index in
            asked.indices.append(index)
            return ["pod-\(index)", "1d"]
        }
        var screen = Screen(size: Size(width: 30, height: 8))
        table.render(in: screen.bounds, on: &screen)
        #expect(asked.indices == Array(1_000..<1_005))
    }

    @Test(arguments: [
        (10, nil as Int?, "Pods (10)"), (1_234, 150_000, "Pods (1,234 / 150,000)"), (5, 5, "Pods (5)"),
    ])
    func titleShowsALiveCount(rows: Int, total: Int?, title: String) {
        let table = TableView(title: "Pods", columns: Self.columns, rowCount: rows, totalCount: total) { _ in [] }
        #expect(table.titleWithCount == title)
    }

    @Test func sortedColumnShowsItsDirectionAndSelectionIsHighlighted() {
        let table = TableView(
            title: "Pods", columns: Self.columns, rowCount: 2, selectedRow: 1,
            sort: SortOrder(column: 1, isAscending: false)
        ) { ["p\($0)", "\($0)d"] }
        var screen = Screen(size: Size(width: 20, height: 5))
        table.render(in: screen.bounds, on: &screen)
        #expect(
            screen.snapshot() == """
                |┌─ Pods (2) ───────┐|
                |│NAME          AGE▼│|
                |│p0              0d│|
                |│p1              1d│|
                |└──────────────────┘|

                """)
        #expect(screen[1, 3].style.role == .rowSelected)
        #expect(screen[1, 2].style.role == .row)
        #expect(screen[16, 1].style.role == .tableHeaderSorted)
    }

    @Test func emptyTableSaysSo() {
        let table = TableView(title: "Pods", columns: Self.columns, rowCount: 0, emptyMessage: "No pods match") { _ in
            []
        }
        var screen = Screen(size: Size(width: 20, height: 5))
        table.render(in: screen.bounds, on: &screen)
        #expect(screen.textLines()[2] == "│  No pods match   │")
    }

    @Test func scrollOffsetIsClampedSoTheLastPageIsFull() {
        let table = TableView(title: "T", columns: Self.columns, rowCount: 3, scrollOffset: 10) { ["r\($0)", ""] }
        var screen = Screen(size: Size(width: 16, height: 5))
        table.render(in: screen.bounds, on: &screen)
        #expect(screen.textLines()[2].contains("r1"))
        #expect(screen.textLines()[3].contains("r2"))
    }

    @Test func groupingSeparatesThousands() {
        #expect(0.formattedWithGrouping == "0")
        #expect(999.formattedWithGrouping == "999")
        #expect(150_000.formattedWithGrouping == "150,000")
        #expect((-1_234_567).formattedWithGrouping == "-1,234,567")
    }
}

/// Records which rows a table asked for.
final class RowLog {
    var indices: [Int] = []
}

@Suite struct BarTests {
    @Test func headerPutsSegmentsLeftAndTheClockRight() {
        let header = HeaderBar(
            segments: [HeaderSegment("prod-eu"), HeaderSegment("connected", role: .headerOK)], trailing: "03:12 UTC")
        var screen = Screen(size: Size(width: 40, height: 1))
        header.render(in: screen.bounds, on: &screen)
        #expect(screen.textLines() == [" prod-eu │ connected          03:12 UTC "])
        #expect(screen[12, 0].style.role == .headerOK)
    }

    @Test func footerShowsAMessageThenTheHintsThatFit() {
        let footer = FooterBar(keymap: .defaults, context: .table, message: "Unknown command 'foo'", isError: true)
        var screen = Screen(size: Size(width: 50, height: 1))
        footer.render(in: screen.bounds, on: &screen)
        #expect(screen.textLines() == ["Unknown command 'foo'  Tab pane  / filter  : cmd  "])
        #expect(screen[0, 0].style.role == .error)
        #expect(screen[23, 0].style.role == .footerKey)
    }

    @Test func promptShowsTheEndOfLongTextAndACursor() {
        var screen = Screen(size: Size(width: 10, height: 1))
        PromptLine(prefix: "/", text: "ns:kube-system coredns").render(in: screen.bounds, on: &screen)
        #expect(screen.textLines() == ["/ coredns "])
        #expect(screen[9, 0].style == Style(.prompt, .reverse))
    }
}

@Suite struct SparklineTests {
    @Test func valuesBecomeBlocksScaledToTheLimit() {
        let sparkline = Sparkline(values: [0, 25, 50, 100, 200], limit: 200)
        var screen = Screen(size: Size(width: 5, height: 1))
        sparkline.render(in: screen.bounds, on: &screen)
        #expect(screen.textLines() == [" ▁▂▄█"])
        #expect(screen[4, 0].style.role == .sparklineLimit)
        #expect(screen[3, 0].style.role == .sparkline)
    }

    @Test func onlyTheNewestValuesThatFitAreShown() {
        var screen = Screen(size: Size(width: 3, height: 1))
        Sparkline(values: [8, 1, 2, 8]).render(in: screen.bounds, on: &screen)
        #expect(screen.textLines() == ["▁▂█"])
    }

    @Test func tallSparklineDrawsTheLimitLine() {
        var screen = Screen(size: Size(width: 4, height: 4))
        Sparkline(values: [10, 20, 30, 40], limit: 100).render(in: screen.bounds, on: &screen)
        #expect(
            screen.snapshot() == """
                |────|
                |    |
                |  ▂▅|
                |▃▆██|

                """)
    }
}

@Suite struct LayoutTests {
    @Test(arguments: [
        (Size(width: 200, height: 60), PaneArrangement.sideBySide, 2),
        (Size(width: 80, height: 24), .stacked, 2),
        (Size(width: 60, height: 40), .stacked, 2),
        (Size(width: 100, height: 20), .single, 1),
        (Size(width: 40, height: 10), .single, 1),
        (Size(width: 39, height: 24), .tooSmall, 0),
        (Size(width: 80, height: 9), .tooSmall, 0),
    ])
    func arrangementFollowsTheTerminalSize(size: Size, arrangement: PaneArrangement, panes: Int) {
        let layout = ConsoleLayout(size: size)
        #expect(layout.arrangement == arrangement)
        #expect(layout.panes.count == panes)
        #expect(layout.header == Rect(x: 0, y: 0, width: size.width, height: 1))
        #expect(layout.footer == Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
    }

    @Test func stackedPanesGiveTheFocusedPaneTwoThirds() {
        let layout = ConsoleLayout(size: Size(width: 80, height: 24))
        #expect(layout.panes == [Rect(x: 0, y: 8, width: 80, height: 15), Rect(x: 0, y: 1, width: 80, height: 7)])
    }
}
