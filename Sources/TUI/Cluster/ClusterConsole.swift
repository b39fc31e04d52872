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
    public var workloads = ClusterPanes.workloads()
    public var events = ClusterPanes.events()
    /// Signal groups whose members are listed under them (by group id).
    public private(set) var expandedSignalGroups: Set<String> = []
    private var signalGroups: [SignalGroup] = []
    /// The Events pane lists Normal events too.
    public private(set) var showsNormalEvents = false
    private var allEvents: [EventRow] = []
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
        [
            .signals: signals, .nodes: nodes, .pods: pods, .restarts: restarts, .timeline: timeline,
            .workloads: workloads, .events: events,
        ]
    }

    func provider(for pane: PaneID) -> any PaneProvider {
        providers[pane] ?? signals
    }

    /// Swaps in new rows; returns a `rowsChanged` per pane with the cursor kept on the same object.
    public mutating func update(_ rows: ClusterRows, data: ClusterData, state: AppState) -> [AppEvent] {
        self.data = data
        usage.record(data.metrics, at: data.now)
        var changes: [AppEvent] = []
        func swap<Row>(
            _ pane: inout TablePane<Row>, _ id: PaneID, _ newRows: [Row], search: [String]? = nil,
            order: (query: PaneQuery, order: [Int])? = nil
        ) {
            let cursor = state.panes[id]?.cursor ?? 0
            let selected = pane.rowID(at: cursor)
            let fitting = order.flatMap { $0.query == pane.query ? $0.order : nil }
            pane.replaceRows(newRows, searchIndex: search ?? pane.searchIndex(of: newRows), order: fitting)
            let moved = selected.flatMap { pane.index(ofRowID: $0) }
            changes.append(.rowsChanged(id, rowCount: pane.rowCount, totalCount: pane.totalCount, cursor: moved))
        }
        // A resource these credentials may not read says so where it would show: an empty pane is never mistaken
        // for an empty cluster.
        let unavailable = data.snapshot.health.unavailableResources
        nodes.emptyMessage = unavailable[ResourceKind.nodes.plural] ?? "No nodes"
        pods.emptyMessage = unavailable[ResourceKind.pods.plural] ?? "No pods"
        signalGroups = rows.signalGroups
        swap(&signals, .signals, SignalRow.rows(signalGroups, expanded: expandedSignalGroups, now: data.now))
        swap(&nodes, .nodes, rows.nodes)
        swap(&pods, .pods, rows.pods, search: rows.podSearch, order: rows.podOrder)
        swap(&restarts, .restarts, rows.restarts)
        swap(&workloads, .workloads, rows.workloads)
        allEvents = rows.events
        swap(&events, .events, shownEvents)
        return changes
    }

    /// Expands a signal group's line into its members, or folds them back; nil when the row is no group of several.
    public mutating func toggleSignalGroup(at row: Int, state: AppState) -> [AppEvent]? {
        guard let line = signals.row(at: row), line.isExpandable else { return nil }
        if expandedSignalGroups.remove(line.group.id) == nil { expandedSignalGroups.insert(line.group.id) }
        signals.replaceRows(SignalRow.rows(signalGroups, expanded: expandedSignalGroups, now: line.now))
        let cursor = signals.index(ofRowID: line.group.id)
        return [.rowsChanged(.signals, rowCount: signals.rowCount, totalCount: signals.totalCount, cursor: cursor)]
    }

    /// Shows or leaves out Normal events; returns the Events pane's new counts.
    public mutating func showNormalEvents(_ shows: Bool, state: AppState) -> [AppEvent] {
        showsNormalEvents = shows
        let selected = events.rowID(at: state.panes[.events]?.cursor ?? 0)
        events.emptyMessage = shows ? "No events" : "No Warning events"
        events.replaceRows(shownEvents)
        let moved = selected.flatMap { events.index(ofRowID: $0) }
        return [.rowsChanged(.events, rowCount: events.rowCount, totalCount: events.totalCount, cursor: moved)]
    }

    private var shownEvents: [EventRow] { showsNormalEvents ? allEvents : allEvents.filter(\.group.isWarning) }

    /// Swaps in the journal's rows for the Timeline pane, keeping the cursor on the same entry.
    public mutating func replaceTimeline(_ rows: [TimelineRow], emptyMessage: String, state: AppState) -> [AppEvent] {
        let cursor = state.panes[.timeline]?.cursor ?? 0
        let selected = timeline.rowID(at: cursor)
        // Like `tail -f`: a cursor on the last row (or an empty pane) follows the newest entry; elsewhere it stays.
        let follows = timeline.rowCount == 0 || cursor >= timeline.rowCount - 1
        timeline.emptyMessage = emptyMessage
        timeline.replaceRows(rows)
        let moved = follows ? max(0, timeline.rowCount - 1) : selected.flatMap { timeline.index(ofRowID: $0) }
        return [.rowsChanged(.timeline, rowCount: timeline.rowCount, totalCount: timeline.totalCount, cursor: moved)]
    }

    /// Panes with more rows than this are filtered and sorted off the UI loop (`EffectRunner`).
    public static let backgroundQueryRows = 20_000

    /// Takes the Pods pane's order computed off the UI loop for `query`; nil when the rows changed meanwhile.
    public mutating func adoptPodsOrder(_ order: [Int], for query: PaneQuery, generation: Int) -> [AppEvent]? {
        guard pods.adopt(order, for: query, generation: generation) else { return nil }
        return [.rowsChanged(.pods, rowCount: pods.rowCount, totalCount: pods.totalCount, cursor: 0)]
    }

    /// Applies a pane's query; returns its new counts.
    public mutating func apply(_ query: PaneQuery, to pane: PaneID) -> [AppEvent] {
        switch pane {
        case .signals: signals.apply(query)
        case .nodes: nodes.apply(query)
        case .pods: pods.apply(query)
        case .restarts: restarts.apply(query)
        case .timeline: timeline.apply(query)
        case .workloads: workloads.apply(query)
        case .events: events.apply(query)
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
        case .timeline: timeline.row(at: row).flatMap { $0.entry.subject.flatMap(DetailTarget.init(subject:)) }
        case .workloads: workloads.row(at: row).map { .workload($0.status.owner) }
        case .events: events.row(at: row).flatMap { DetailTarget(subject: $0.group.object) }
        }
    }

    /// The detail view of `target` from the latest data.
    public func detail(for target: DetailTarget) -> DetailView {
        guard let data else { return DetailView(title: target.title, sections: [DetailSection("Loading", fields: [])]) }
        return ObjectDetail(target: target, data: data, usage: usage).view
    }
}
