import Testing

@testable import TUI

@Suite struct TablePaneTests {
    struct Pod: Sendable {
        var namespace: String
        var name: String
        var node: String?
        var restarts: Int?
    }

    static let columns: [PaneColumn<Pod>] = [
        .text(TableColumn("NAMESPACE", width: .flex(min: 9)), \.namespace),
        .text(TableColumn("NAME", width: .flex(min: 10)), \.name),
        PaneColumn(
            TableColumn("RESTARTS", width: .fixed(8), alignment: .right),
            cell: { TableCell($0.restarts.map(String.init) ?? "-") },
            sortKey: { $0.restarts.map { .number(Double($0)) } ?? .missing }),
    ]

    static let matching = TablePane<Pod>.Matching(
        searchText: { "\($0.namespace) \($0.name)" }, namespace: \.namespace, node: \.node,
        id: { "\($0.namespace)/\($0.name)" })

    static let pods = [
        Pod(namespace: "kube-system", name: "coredns-a", node: "worker-1", restarts: 7),
        Pod(namespace: "shop", name: "checkout-api", node: "worker-2", restarts: 0),
        Pod(namespace: "kube-system", name: "coredns-b", node: "worker-2", restarts: nil),
        Pod(namespace: "shop", name: "Cart-API", node: nil, restarts: 12),
    ]

    var pane = TablePane(columns: Self.columns, matching: Self.matching, rows: Self.pods)

    func names(_ pane: TablePane<Pod>) -> [String] {
        (0..<pane.rowCount).compactMap { pane.row(at: $0)?.name }
    }

    @Test mutating func allWordsMustMatchIgnoringCase() {
        pane.apply(PaneQuery(filter: RowFilter(text: "API shop")))
        #expect(names(pane) == ["checkout-api", "Cart-API"])
        #expect(pane.totalCount == 4)
    }

    @Test mutating func namespaceIsExactAndNodeIsASubstring() {
        pane.apply(PaneQuery(filter: RowFilter(namespace: "kube-system", node: "2")))
        #expect(names(pane) == ["coredns-b"])
        pane.apply(PaneQuery(filter: RowFilter(namespace: "kube")))
        #expect(pane.rowCount == 0)
    }

    @Test mutating func numbersSortWithMissingValuesLast() {
        pane.apply(PaneQuery(sort: SortOrder(column: 2)))
        #expect(names(pane) == ["checkout-api", "coredns-a", "Cart-API", "coredns-b"])
        pane.apply(PaneQuery(sort: SortOrder(column: 2, isAscending: false)))
        #expect(names(pane) == ["coredns-b", "Cart-API", "coredns-a", "checkout-api"])
    }

    @Test mutating func equalKeysKeepTheirOrder() {
        pane.apply(PaneQuery(sort: SortOrder(column: 0)))
        #expect(names(pane) == ["coredns-a", "coredns-b", "checkout-api", "Cart-API"])
    }

    @Test mutating func newSnapshotsKeepTheQuery() {
        pane.apply(PaneQuery(filter: RowFilter(namespace: "shop"), sort: SortOrder(column: 1)))
        pane.replaceRows(Self.pods + [Pod(namespace: "shop", name: "basket", node: nil, restarts: 1)])
        #expect(names(pane) == ["Cart-API", "basket", "checkout-api"])
    }

    @Test mutating func selectedRowIsFoundAgainAfterItMoves() {
        let selected = pane.rowID(at: 2)
        #expect(selected == "kube-system/coredns-b")
        pane.apply(PaneQuery(sort: SortOrder(column: 2, isAscending: false)))
        #expect(selected.flatMap(pane.index(ofRowID:)) == 0)
        pane.apply(PaneQuery(filter: RowFilter(namespace: "shop")))
        #expect(selected.flatMap(pane.index(ofRowID:)) == nil)
    }

    @Test func cellsAreFormattedPerRow() {
        #expect(pane.cells(forRow: 2).map(\.text) == ["kube-system", "coredns-b", "-"])
        #expect(pane.cells(forRow: 9).isEmpty)
    }

    @Test func oneHundredFiftyThousandRowsSortAndFilter() {
        let many = (0..<150_000).map {
            Pod(namespace: "ns-\($0 % 50)", name: "pod-\($0)", node: "node-\($0 % 5_000)", restarts: $0 % 13)
        }
        var big = TablePane(columns: Self.columns, matching: Self.matching, rows: many)
        big.apply(PaneQuery(filter: RowFilter(text: "pod-1499"), sort: SortOrder(column: 2, isAscending: false)))
        #expect(big.rowCount == 111)
        #expect(big.row(at: 0)?.restarts == 12)
        big.apply(PaneQuery(filter: RowFilter(namespace: "ns-7")))
        #expect(big.rowCount == 3_000)
        big.apply(PaneQuery(sort: SortOrder(column: 1, isAscending: false)))
        #expect(big.row(at: 0)?.name == "pod-99999")
    }

    @Test func anOrderComputedOffTheLoopIsTakenOnlyForTheRowsItWasComputedOn() {
        var pane = pane
        let query = PaneQuery(filter: RowFilter(parsing: "ns:shop"), sort: SortOrder(column: 2, isAscending: false))
        let copy = pane
        let order = copy.order(for: query)
        var expected = pane
        expected.apply(query)
        let adopted = pane.adopt(order, for: query, generation: copy.generation)
        #expect(adopted)
        #expect(pane.query == query)
        #expect(
            (0..<pane.rowCount).map { pane.row(at: $0)?.name }
                == (0..<expected.rowCount).map { expected.row(at: $0)?.name })
        pane.replaceRows(Self.pods.reversed())
        let stale = pane.adopt(order, for: query, generation: copy.generation)
        #expect(!stale, "the rows were replaced meanwhile")
    }

    @Test func rowsComeWithTheirOrderWhenItWasComputedOffTheLoop() {
        var pane = pane
        pane.apply(PaneQuery(sort: SortOrder(column: 2, isAscending: true)))
        let rows = Array(Self.pods.reversed())
        pane.replaceRows(rows, searchIndex: pane.searchIndex(of: rows), order: [1, 0])
        #expect(pane.rowCount == 2, "the given order is used as is")
        pane.replaceRows(rows, searchIndex: pane.searchIndex(of: rows), order: [99])
        #expect(pane.rowCount == Self.pods.count, "an order that does not fit the rows is recomputed")
    }
}
