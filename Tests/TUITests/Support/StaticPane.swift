@testable import TUI

/// A pane over fixed rows, filtered by substring and sorted by column text.
struct StaticPane: PaneProvider {
    let columns: [TableColumn]
    let rows: [[String]]
    var emptyMessage = "No rows"
    private var order: [Int]

    init(columns: [TableColumn], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
        self.order = Array(rows.indices)
    }

    var rowCount: Int { order.count }
    var totalCount: Int { rows.count }

    mutating func apply(_ query: PaneQuery) {
        let needle = query.filter.text.lowercased()
        order = rows.indices.filter { needle.isEmpty || rows[$0].joined(separator: " ").lowercased().contains(needle) }
        if let sort = query.sort {
            order.sort {
                sort.isAscending
                    ? rows[$0][sort.column] < rows[$1][sort.column] : rows[$0][sort.column] > rows[$1][sort.column]
            }
        }
    }

    func cells(forRow index: Int) -> [TableCell] {
        let row = rows[order[index]]
        return row.enumerated().map { column, text in
            TableCell(text, role: column == 2 && text == "OOMKilled" ? .severityCritical : nil)
        }
    }
}

/// Pods with CJK and emoji names, long names, and an OOM kill, for snapshots.
enum SamplePods {
    static let columns = [
        TableColumn("NAMESPACE", width: .flex(min: 9, weight: 1), priority: 1),
        TableColumn("NAME", width: .flex(min: 16, weight: 3), priority: 3),
        TableColumn("STATUS", width: .fixed(16), priority: 3),
        TableColumn("RESTARTS", width: .fixed(8), alignment: .right, priority: 2),
        TableColumn("NODE", width: .flex(min: 10, weight: 1)),
        TableColumn("AGE", width: .fixed(5), alignment: .right, priority: 2),
    ]

    static let rows: [[String]] = [
        ["kube-system", "coredns-7db6d8ff4d-x2k9p", "OOMKilled", "7", "worker-eu-west-1a-01", "3d"],
        ["kube-system", "coredns-7db6d8ff4d-qq8mz", "Running", "0", "worker-eu-west-1a-02", "3d"],
        ["shop", "checkout-api-5c9f7b6d8-abcde", "Running", "1", "worker-eu-west-1a-03", "12h"],
        ["商店", "支付服务-payments-6f8d9c-k2x7q", "CrashLoopBackOff", "42", "worker-ap-northeast-1", "2h"],
        ["😀-emoji", "🚀-launcher-7c8d9e-z9y8x", "Running", "0", "worker-eu-west-1a-01", "45m"],
        ["data", "postgres-primary-0", "Running", "0", "worker-eu-west-1b-07", "30d"],
        ["data", "a-really-long-statefulset-name-that-will-not-fit-anywhere-0", "Pending", "0", "", "5s"],
        ["監視", "プロメテウス-server-0", "Running", "3", "worker-eu-west-1b-08", "9d"],
    ]

    static func pane() -> StaticPane {
        StaticPane(columns: columns, rows: rows)
    }
}

extension AppState {
    /// A console state with every pane present and the pods pane counting `SamplePods`.
    static func sample(size: Size, focus: PaneID = .pods) -> AppState {
        var panes: [PaneID: PaneState] = [:]
        for pane in PaneID.allCases {
            panes[pane] = PaneState(columnCount: SamplePods.columns.count)
        }
        panes[.pods] = PaneState(
            columnCount: SamplePods.columns.count, rowCount: SamplePods.rows.count, totalCount: SamplePods.rows.count)
        return AppState(size: size, keymap: SampleRunbooks.keymap, panes: panes, focus: focus)
    }
}
