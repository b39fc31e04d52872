/// A pane over an array of rows: filters and sorts an index, formats only the rows in view.
///
/// A cluster pane is a list of `PaneColumn`s plus how a row matches `ns:`, `node:` and
/// free text; `replaceRows` takes a new snapshot and keeps the current query.
public struct TablePane<Row>: PaneProvider {
    /// How a row is matched by a filter.
    public struct Matching: Sendable {
        /// Lowercased text searched by the filter's words (computed once per snapshot).
        public var searchText: @Sendable (Row) -> String
        public var namespace: @Sendable (Row) -> String?
        public var node: @Sendable (Row) -> String?
        /// What identifies a row across snapshots (for example `namespace/name`), so the
        /// cursor can stay on the same object when rows move.
        public var id: @Sendable (Row) -> String

        public init(
            searchText: @escaping @Sendable (Row) -> String,
            namespace: @escaping @Sendable (Row) -> String? = { _ in nil },
            node: @escaping @Sendable (Row) -> String? = { _ in nil }, id: @escaping @Sendable (Row) -> String
        ) {
            self.searchText = searchText
            self.namespace = namespace
            self.node = node
            self.id = id
        }
    }

    public let paneColumns: [PaneColumn<Row>]
    public let matching: Matching
    public var emptyMessage: String
    public private(set) var rows: [Row]
    public private(set) var query = PaneQuery()
    private var searchIndex: [String]
    private var order: [Int]
    /// Bumped each time the rows are replaced, so an order computed for older rows is not taken.
    public private(set) var generation = 0

    public init(columns: [PaneColumn<Row>], matching: Matching, rows: [Row] = [], emptyMessage: String = "No rows") {
        self.paneColumns = columns
        self.matching = matching
        self.emptyMessage = emptyMessage
        self.rows = rows
        self.searchIndex = rows.map { matching.searchText($0).lowercased() }
        self.order = Array(rows.indices)
    }

    public var columns: [TableColumn] { paneColumns.map(\.column) }
    public var rowCount: Int { order.count }
    public var totalCount: Int { rows.count }

    /// Replaces the rows (a new snapshot) and applies the current query to them.
    public mutating func replaceRows(_ newRows: [Row]) {
        replaceRows(newRows, searchIndex: searchIndex(of: newRows))
    }

    /// Replaces the rows with their search text already computed by `searchIndex(of:)` (off the UI loop, for big
    /// snapshots) and, when given, their order under the current query (`order(for:)`, also computed off the loop).
    public mutating func replaceRows(_ newRows: [Row], searchIndex index: [String], order newOrder: [Int]? = nil) {
        rows = newRows
        searchIndex = index.count == newRows.count ? index : searchIndex(of: newRows)
        generation += 1
        if let newOrder, newOrder.allSatisfy(newRows.indices.contains) {
            order = newOrder
        } else {
            apply(query)
        }
    }

    /// The lowercased search text of each row.
    public func searchIndex(of rows: [Row]) -> [String] {
        rows.map { matching.searchText($0).lowercased() }
    }

    public mutating func apply(_ query: PaneQuery) {
        self.query = query
        order = order(for: query)
    }

    /// Takes an order that `order(for:)` computed (off the UI loop) for `query` on the rows of `generation`; false
    /// when the rows have been replaced since, and the order no longer fits them.
    public mutating func adopt(_ newOrder: [Int], for query: PaneQuery, generation: Int) -> Bool {
        guard generation == self.generation else { return false }
        self.query = query
        order = newOrder
        return true
    }

    /// The rows' indices that `query` keeps, in its order. Pure: safe to run on a copy off the UI loop.
    public func order(for query: PaneQuery) -> [Int] {
        let filter = query.filter
        let words = filter.text.lowercased().split(separator: " ").map { Array($0.utf8) }
        var kept: [Int]
        if filter.isEmpty {
            kept = Array(rows.indices)
        } else {
            kept = rows.indices.filter { index in
                let row = rows[index]
                if let namespace = filter.namespace, matching.namespace(row) != namespace { return false }
                if let node = filter.node, !(matching.node(row)?.contains(node) ?? false) { return false }
                return words.allSatisfy { searchIndex[index].containsUTF8($0) }
            }
        }
        if let sort = query.sort, paneColumns.indices.contains(sort.column) {
            let keyOf = paneColumns[sort.column].sortKey
            kept = Self.sorted(kept, keys: kept.map { keyOf(rows[$0]) }, isAscending: sort.isAscending)
        }
        return kept
    }

    /// The row at `index` in query order (for the detail view and runbook targets).
    public func row(at index: Int) -> Row? {
        order.indices.contains(index) ? rows[order[index]] : nil
    }

    /// The identity of the row at `index` in query order.
    public func rowID(at index: Int) -> String? {
        row(at: index).map(matching.id)
    }

    /// Where the row with identity `id` is now in query order, if it still matches.
    public func index(ofRowID id: String) -> Int? {
        order.firstIndex { matching.id(rows[$0]) == id }
    }

    public func cells(forRow index: Int) -> [TableCell] {
        guard let row = row(at: index) else { return [] }
        return paneColumns.map { $0.cell(row) }
    }
}

extension TablePane: Sendable where Row: Sendable {}
