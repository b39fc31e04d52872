/// Something the user can ask the console to do; keys are bound to actions by the `Keymap`.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom, left, right
    case nextPane, previousPane
    /// Jump to pane 1...5.
    case pane(Int)
    case filter, command, sort, detail, back, help, quit
    case raiseMemory, cordon, uncordon, drain, rolloutRestart, deletePod

    /// Every action, in help order.
    public static let all: [Action] = [
        .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .left, .right,
        .nextPane, .previousPane, .pane(1), .pane(2), .pane(3), .pane(4), .pane(5),
        .filter, .command, .sort, .detail, .back, .help, .quit,
        .raiseMemory, .cordon, .uncordon, .drain, .rolloutRestart, .deletePod,
    ]

    /// The name used in `keys.yaml`: `moveDown`, `pane3`, `rolloutRestart`.
    public var name: String {
        switch self {
        case .moveUp: "moveUp"
        case .moveDown: "moveDown"
        case .pageUp: "pageUp"
        case .pageDown: "pageDown"
        case .top: "top"
        case .bottom: "bottom"
        case .left: "left"
        case .right: "right"
        case .nextPane: "nextPane"
        case .previousPane: "previousPane"
        case .pane(let number): "pane\(number)"
        case .filter: "filter"
        case .command: "command"
        case .sort: "sort"
        case .detail: "detail"
        case .back: "back"
        case .help: "help"
        case .quit: "quit"
        case .raiseMemory: "raiseMemory"
        case .cordon: "cordon"
        case .uncordon: "uncordon"
        case .drain: "drain"
        case .rolloutRestart: "rolloutRestart"
        case .deletePod: "deletePod"
        }
    }

    /// The action called `name` in `keys.yaml`.
    public init?(name: String) {
        guard let action = Action.all.first(where: { $0.name == name }) else { return nil }
        self = action
    }

    /// True for actions that change the cluster through a runbook.
    public var isRunbook: Bool {
        switch self {
        case .raiseMemory, .cordon, .uncordon, .drain, .rolloutRestart, .deletePod: true
        default: false
        }
    }
}
