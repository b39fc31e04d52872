import ClusterModel
import Foundation

/// The cluster panes the console shows, fed with new rows as the cluster changes.
///
/// Lives in the UI loop: `update` swaps in rows built elsewhere, re-applies each pane's
/// query and reports the new counts, keeping each cursor on the object it was on.
public struct ClusterConsole {
    public var signals = ClusterPanes.signals()
    public var nodes = ClusterPanes.nodes()
    public var pods = ClusterPanes.pods()
    public var restarts = ClusterPanes.restarts()
    public var timeline = ClusterPanes.timeline()
    /// The latest data, for the detail view.
    public private(set) var data: ClusterData?
    public var usage = UsageHistory()

    public init() {}

    /// An `AppState` with a pane state for each cluster pane.
    public static func initialState(size: Size, keymap: Keymap = .defaults) -> AppState {
        let console = ClusterConsole()
        var panes: [PaneID: PaneState] = [:]
        for pane in PaneID.allCases {
            panes[pane] = PaneState(columnCount: console.provider(for: pane).columns.count)
        }
        return AppState(size: size, keymap: keymap, panes: panes, focus: .signals)
    }

    /// The panes as providers for `ConsoleView`.
    public var providers: [PaneID: any PaneProvider] {
        [.signals: signals, .nodes: nodes, .pods: pods, .restarts: restarts, .timeline: timeline]
    }

    func provider(for pane: PaneID) -> any PaneProvider {
        providers[pane] ?? signals
    }

    /// Swaps in new rows; returns a `rowsChanged` per pane with the cursor kept on the same object.
    public mutating func update(_ rows: ClusterRows, data: ClusterData, state: AppState) -> [AppEvent] {
        self.data = data
        usage.record(data.metrics, at: data.now)
        var events: [AppEvent] = []
        func swap<Row>(_ pane: inout TablePane<Row>, _ id: PaneID, _ newRows: [Row], search: [String]? = nil) {
            let cursor = state.panes[id]?.cursor ?? 0
            let selected = pane.rowID(at: cursor)
            pane.replaceRows(newRows, searchIndex: search ?? pane.searchIndex(of: newRows))
            let moved = selected.flatMap { pane.index(ofRowID: $0) }
            events.append(.rowsChanged(id, rowCount: pane.rowCount, totalCount: pane.totalCount, cursor: moved))
        }
        // A resource these credentials may not read says so where it would show: an empty pane is never mistaken
        // for an empty cluster.
        let unavailable = data.snapshot.health.unavailableResources
        nodes.emptyMessage = unavailable[ResourceKind.nodes.plural] ?? "No nodes"
        pods.emptyMessage = unavailable[ResourceKind.pods.plural] ?? "No pods"
        swap(&signals, .signals, rows.signals)
        swap(&nodes, .nodes, rows.nodes)
        swap(&pods, .pods, rows.pods, search: rows.podSearch)
        swap(&restarts, .restarts, rows.restarts)
        swap(&timeline, .timeline, rows.timeline)
        return events
    }

    /// Applies a pane's query; returns its new counts.
    public mutating func apply(_ query: PaneQuery, to pane: PaneID) -> [AppEvent] {
        switch pane {
        case .signals: signals.apply(query)
        case .nodes: nodes.apply(query)
        case .pods: pods.apply(query)
        case .restarts: restarts.apply(query)
        case .timeline: timeline.apply(query)
        }
        let provider = self.provider(for: pane)
        return [.rowsChanged(pane, rowCount: provider.rowCount, totalCount: provider.totalCount, cursor: 0)]
    }

    /// What the detail view shows for a row: a pod, a node, or the pod or node an observation is about.
    public func detailTarget(pane: PaneID, row: Int) -> DetailTarget? {
        switch pane {
        case .pods: pods.row(at: row).map { .pod($0.pod.key) }
        case .nodes: nodes.row(at: row).map { .node($0.node.name) }
        case .restarts:
            restarts.row(at: row).map { .pod(ObjectKey(namespace: $0.container.namespace, name: $0.container.pod)) }
        case .signals: signals.row(at: row).flatMap { DetailTarget(subject: $0.observation.subject) }
        case .timeline: timeline.row(at: row).flatMap { DetailTarget(subject: $0.observation.subject) }
        }
    }

    /// The detail view of `target` from the latest data.
    public func detail(for target: DetailTarget) -> DetailView {
        guard let data else { return DetailView(title: target.title, sections: [DetailSection("Loading", fields: [])]) }
        return ObjectDetail(target: target, data: data, usage: usage).view
    }
}
