/// Something the user can ask the console to do; keys are bound to actions by the `Keymap`.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom, left, right
    case nextPane, previousPane
    /// Jump to pane 1...6.
    case pane(Int)
    case filter, command, sort, detail, back, help, quit
    /// Give the focused pane the whole screen, or share it again.
    case zoom
    /// Run the runbook with this id on the selected row; runbook files bind these keys.
    case runbook(String)
    /// The log view: open a container's log, switch to its previous run, follow, wrap, search, choose a container.
    case openLog, previousLog, follow, wrap, search, nextMatch, previousMatch, choose
    /// The log view: add the lines on screen to the current incident.
    case addToIncident
    /// The incident journal: open an incident, add a note, set milestones, show hidden timeline entries, export
    /// the incident's Correction-of-Errors document.
    case openIncident, note, milestones, toggleHidden, exportCOE
    /// The Events pane: list Normal events too, or Warnings only.
    case toggleNormalEvents

    /// Every built-in action, in help order (runbook actions come from the runbook files).
    public static let all: [Action] = [
        .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .left, .right,
        .nextPane, .previousPane, .pane(1), .pane(2), .pane(3), .pane(4), .pane(5), .pane(6), .pane(7),
        .filter, .command, .sort, .detail, .back, .help, .quit, .zoom,
        .openLog, .previousLog, .follow, .wrap, .search, .nextMatch, .previousMatch, .choose, .addToIncident,
        .openIncident, .note, .milestones, .toggleHidden, .exportCOE, .toggleNormalEvents,
    ]

    /// The name used in `keys.yaml`: `moveDown`, `pane3`, `runbook:rollout-restart`.
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
        case .zoom: "zoom"
        case .runbook(let id): "runbook:\(id)"
        case .openLog: "openLog"
        case .previousLog: "previousLog"
        case .follow: "follow"
        case .wrap: "wrap"
        case .search: "search"
        case .nextMatch: "nextMatch"
        case .previousMatch: "previousMatch"
        case .choose: "choose"
        case .addToIncident: "addToIncident"
        case .openIncident: "openIncident"
        case .note: "note"
        case .milestones: "milestones"
        case .toggleHidden: "toggleHidden"
        case .exportCOE: "exportCOE"
        case .toggleNormalEvents: "toggleNormalEvents"
        }
    }

    /// The action called `name` in `keys.yaml`.
    public init?(name: String) {
        if name.hasPrefix("runbook:"), name.count > 8 {
            self = .runbook(String(name.dropFirst(8)))
            return
        }
        guard let action = Action.all.first(where: { $0.name == name }) else { return nil }
        self = action
    }

    /// True for actions that change the cluster through a runbook.
    public var isRunbook: Bool {
        if case .runbook = self { return true }
        return false
    }
}
