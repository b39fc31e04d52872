extension Keymap {
    /// Firebreak's bindings before user overrides.
    public static let defaults = Keymap(
        bindings: [
            KeyBinding(
                .moveUp, keys: [.up, .character("k")], description: "Move up", group: .navigation, contexts: .all),
            KeyBinding(
                .moveDown, keys: [.down, .character("j")], description: "Move down", group: .navigation, contexts: .all),
            KeyBinding(
                .pageUp, keys: [.pageUp, .control("b")], description: "Page up", group: .navigation, contexts: .all),
            KeyBinding(
                .pageDown, keys: [.pageDown, .control("f")], description: "Page down", group: .navigation,
                contexts: .all),
            KeyBinding(
                .top, keys: [.character("g"), .home], description: "Go to the first row", group: .navigation,
                contexts: .all
            ),
            KeyBinding(
                .bottom, keys: [.character("G"), .end], description: "Go to the last row", group: .navigation,
                contexts: .all),
            KeyBinding(.left, keys: [.left], description: "Previous column", group: .navigation, contexts: .table),
            KeyBinding(.right, keys: [.right], description: "Next column", group: .navigation, contexts: .table),
            KeyBinding(
                .nextPane, keys: [.tab], description: "Next pane", hint: "pane", group: .panes, contexts: .table),
            KeyBinding(.previousPane, keys: [.backTab], description: "Previous pane", group: .panes, contexts: .table),
            KeyBinding(.pane(1), keys: [.character("1")], description: "Signals pane", group: .panes, contexts: .table),
            KeyBinding(.pane(2), keys: [.character("2")], description: "Nodes pane", group: .panes, contexts: .table),
            KeyBinding(.pane(3), keys: [.character("3")], description: "Pods pane", group: .panes, contexts: .table),
            KeyBinding(
                .pane(4), keys: [.character("4")], description: "Restarts pane", group: .panes, contexts: .table),
            KeyBinding(
                .pane(5), keys: [.character("5")], description: "Timeline pane", group: .panes, contexts: .table),
            KeyBinding(
                .pane(6), keys: [.character("6")], description: "Workloads pane (rollouts, revisions)", group: .panes,
                contexts: .table),
            KeyBinding(
                .pane(7), keys: [.character("7")], description: "Events pane (Warnings by object and reason)",
                group: .panes, contexts: .table),
            KeyBinding(
                .toggleNormalEvents, keys: [.character("A")], description: "Events pane: Normal events too, or not",
                group: .panes, contexts: .table),
            KeyBinding(
                .zoom, keys: [.character("z")], description: "Zoom the focused pane to the whole screen, or back",
                group: .panes, contexts: .table),
            KeyBinding(
                .filter, keys: [.character("/")], description: "Filter rows (text, ns:NAME, node:NAME)", hint: "filter",
                group: .console, contexts: .table),
            KeyBinding(
                .command, keys: [.character(":")],
                description: "Command (:ns, :ctx, :runbook NAME, :recheck, :pods, :q)",
                hint: "cmd", group: .console, contexts: .table),
            KeyBinding(
                .sort, keys: [.character("s")], description: "Sort by the selected column", hint: "sort",
                group: .console,
                contexts: .table),
            KeyBinding(
                .detail, keys: [.enter], description: "Show details", hint: "detail", group: .console, contexts: .table),
            KeyBinding(
                .back, keys: [.escape], description: "Back; in a table, clear the filter", hint: "back",
                group: .console,
                contexts: .all),
            KeyBinding(
                .help, keys: [.character("?")], description: "Show or hide this help", hint: "help", group: .console,
                contexts: .all),
            KeyBinding(
                .quit, keys: [.character("q")], description: "Quit (asks first)", hint: "quit", group: .console,
                contexts: .all),
        ] + logBindings + incidentBindings)

    /// The incident journal's keys, in the tables.
    static let incidentBindings: [KeyBinding] = [
        KeyBinding(
            .openIncident, keys: [.character("I")], description: "Open an incident (records what is seen)",
            hint: "incident", group: .incident, contexts: .table),
        KeyBinding(
            .note, keys: [.character("n")], description: "Add a note to the incident", hint: "note",
            group: .incident, contexts: .table),
        KeyBinding(
            .milestones, keys: [.character("M")], description: "Set milestones (detected, mitigated, ...)",
            group: .incident, contexts: .table),
        KeyBinding(
            .toggleHidden, keys: [.character("H")], description: "Show or hide hidden timeline entries",
            group: .incident, contexts: .table),
        KeyBinding(
            .exportCOE, keys: [.character("E")], description: "Export the incident's COE (Markdown, SVG charts)",
            group: .incident, contexts: .table),
    ]

    /// The log view's keys, and `l` where a pod or container is selected.
    static let logBindings = [
        KeyBinding(
            .openLog, keys: [.character("l")], description: "Show the container's log", group: .logs,
            contexts: .objects),
        KeyBinding(
            .choose, keys: [.enter], description: "Show this container's log", hint: "choose", group: .logs,
            contexts: [.containerPicker]),
        KeyBinding(
            .previousLog, keys: [.character("p")], description: "Previous run of the container (before its restart)",
            hint: "previous", group: .logs, contexts: [.log]),
        KeyBinding(
            .follow, keys: [.character("f")], description: "Follow new lines (on, or off to read)", hint: "follow",
            group: .logs, contexts: [.log]),
        KeyBinding(
            .wrap, keys: [.character("w")], description: "Wrap long lines", hint: "wrap", group: .logs, contexts: [.log]
        ),
        KeyBinding(
            .search, keys: [.character("/")], description: "Search the log", hint: "search", group: .logs,
            contexts: [.log]),
        KeyBinding(
            .nextMatch, keys: [.character("n")], description: "Next match", group: .logs, contexts: [.log]),
        KeyBinding(
            .previousMatch, keys: [.character("N")], description: "Previous match", group: .logs, contexts: [.log]),
        KeyBinding(
            .addToIncident, keys: [.character("e")], description: "Add the lines on screen to the incident",
            hint: "evidence", group: .logs, contexts: [.log]),
    ]
}

extension Set<KeyContext> {
    static let all = Set(KeyContext.allCases)
    static let table: Set<KeyContext> = [.table]
    /// Where an object is selected: a table row or its detail view.
    static let objects: Set<KeyContext> = [.table, .detail]
}
