import Runbooks

/// Everything the console shows that is not cluster data; `reduce` changes it, `ConsoleView` draws it.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var mode: AppMode
    /// The mode under the help screen or the quit question, restored when they close.
    public var underlyingMode: AppMode
    public var focus: PaneID
    public var panes: [PaneID: PaneState]
    /// The namespace scope from `:ns` (nil is all namespaces).
    public var namespace: String?
    public var message: StatusMessage?
    public var keymap: Keymap
    /// The first line shown in the detail view.
    public var detailScrollOffset: Int = 0
    /// The clocks as of the last tick; rendering reads the time here, never from the system.
    public var time = ConsoleTime.unset
    /// The log view and the container picker.
    public var logs = LogsState()
    /// The runbook panel of the latest action (kept while it runs behind the tables).
    public var runbook: RunbookPanel?
    /// What the server said about running each runbook on each selected row (permission checks before any key).
    public var runbookAccess: [RunbookAccessKey: RunbookAvailability] = [:]
    /// The focused pane fills the body (`z`).
    public var isZoomed = false
    /// The Events pane lists Normal events too.
    public var showsNormalEvents = false
    /// The current incident and the console's journal choices.
    public var journal = JournalState()
    /// The footer's offer to re-check requests whose result is unknown (`:recheck`), while there are any.
    public var unfinishedOffer: String?

    public init(size: Size, keymap: Keymap = .defaults, panes: [PaneID: PaneState], focus: PaneID = .signals) {
        self.size = size
        self.mode = .normal
        self.underlyingMode = .normal
        self.focus = focus
        self.panes = panes
        self.namespace = nil
        self.message = nil
        self.keymap = keymap
    }

    /// The focused pane's state.
    public var focusedPane: PaneState {
        get { panes[focus] ?? PaneState(columnCount: 0) }
        set { panes[focus] = newValue }
    }

    /// The key context for the current mode.
    var keyContext: KeyContext {
        Self.keyContext(for: mode)
    }

    static func keyContext(for mode: AppMode) -> KeyContext {
        switch mode {
        case .help: .help
        case .detail: .detail
        case .log: .log
        case .chooseContainer: .containerPicker
        default: .table
        }
    }

    /// True in the detail view, and in the help or quit question over it.
    public var isShowingDetail: Bool {
        if case .detail = mode { return true }
        if case .detail = underlyingMode, mode == .confirmQuit || mode.isHelp { return true }
        return false
    }

    /// Rows of the focused pane that fit on screen.
    var visibleRows: Int {
        guard let rect = ConsoleLayout(size: size, zoomed: isZoomed).panes.first else { return 1 }
        return max(1, TableView.visibleRowCount(in: rect))
    }

    /// The help screen for the keys of the mode under it, scrolled to the top.
    var helpModal: Modal {
        Modal.help(
            keymap: keymap, context: Self.keyContext(for: underlyingMode),
            width: ConsoleLayout(size: size).body.width - 2)
    }
}
