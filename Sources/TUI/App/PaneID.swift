/// The console's panes, numbered as the `1`-`7` keys select them.
public enum PaneID: Int, CaseIterable, Hashable, Sendable {
    case signals = 1
    case nodes, pods, restarts, timeline, workloads, events

    public var title: String {
        switch self {
        case .signals: "Signals"
        case .nodes: "Nodes"
        case .pods: "Pods"
        case .restarts: "Restarts"
        case .timeline: "Timeline"
        case .workloads: "Workloads"
        case .events: "Events"
        }
    }

    /// The pane after this one, wrapping around.
    var next: PaneID { PaneID(rawValue: rawValue % PaneID.allCases.count + 1) ?? .signals }

    /// The pane before this one, wrapping around.
    var previous: PaneID {
        PaneID(rawValue: (rawValue + PaneID.allCases.count - 2) % PaneID.allCases.count + 1) ?? .signals
    }
}
