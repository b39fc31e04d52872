/// Draws the console for a state: header, panes (or the detail view), footer or prompt,
/// and any modal; pure.
public struct ConsoleView {
    public var state: AppState
    public var header: HeaderBar
    public var providers: [PaneID: any PaneProvider]
    /// The loaded detail, drawn over the panes while the state is in detail mode.
    public var detail: DetailView?

    public init(state: AppState, header: HeaderBar, providers: [PaneID: any PaneProvider], detail: DetailView? = nil) {
        self.state = state
        self.header = header
        self.providers = providers
        self.detail = detail
    }

    /// The whole screen at the state's size.
    public func render() -> Screen {
        var screen = Screen(size: state.size)
        let layout = ConsoleLayout(size: state.size, zoomed: state.isZoomed)
        guard layout.arrangement != .tooSmall else {
            TooSmallMessage(size: state.size).render(in: screen.bounds, on: &screen)
            return screen
        }
        header.render(in: layout.header, on: &screen)
        for (pane, rect) in zip(shownPanes(count: layout.panes.count), layout.panes) {
            table(for: pane).render(in: rect, on: &screen)
        }
        if var detail, state.isShowingDetail {
            detail.scrollOffset = state.detailScrollOffset
            detail.render(in: layout.body, on: &screen)
        }
        if let log = state.logs.view, state.isShowingLog { LogView(state: log).render(in: layout.body, on: &screen) }
        if let picker = state.logs.picker, state.isChoosingContainer {
            ContainerPickerView(picker: picker).render(in: layout.body, on: &screen)
        }
        if let panel = state.runbook, state.mode == .runbook {
            RunbookPanelView(panel: panel).render(in: layout.body, on: &screen)
        }
        renderFooter(in: layout.footer, on: &screen)
        renderOverlay(in: layout.body, on: &screen)
        return screen
    }

    /// The focused pane, then the pane shown beside it: Signals, or Pods when Signals has focus.
    func shownPanes(count: Int) -> [PaneID] {
        let secondary: PaneID = state.focus == .signals ? .pods : .signals
        return Array([state.focus, secondary].prefix(count))
    }

    func table(for pane: PaneID) -> TableView {
        let paneState = state.panes[pane] ?? PaneState(columnCount: 0)
        let provider = providers[pane]
        let filter = paneState.query.filter
        return TableView(
            title: filter.isEmpty ? pane.title : "\(pane.title) /\(filter.input)",
            columns: provider?.columns ?? [],
            rowCount: provider?.rowCount ?? 0,
            totalCount: provider?.totalCount,
            selectedRow: paneState.cursor,
            selectedColumn: paneState.selectedColumn,
            sort: paneState.query.sort,
            scrollOffset: paneState.scrollOffset,
            isFocused: pane == state.focus,
            emptyMessage: provider?.emptyMessage ?? "No data",
            row: { provider?.cells(forRow: $0) ?? [] }
        )
    }

    private func renderFooter(in rect: Rect, on screen: inout Screen) {
        if let prompt = footerPrompt {
            prompt.render(in: rect, on: &screen)
            return
        }
        let isPanel = state.mode == .runbook
        let offer =
            state.keyContext == .table && !isPanel ? JournalOverlay.offer(state.journal) ?? state.unfinishedOffer : nil
        FooterBar(
            keymap: isPanel ? Keymap(bindings: []) : state.keymap, context: state.keyContext,
            message: state.message?.text ?? offer,
            isError: state.message?.isError ?? (offer != nil)
        ).render(in: rect, on: &screen)
    }

    /// The line being typed, when the mode is a prompt.
    private var footerPrompt: PromptLine? {
        switch state.mode {
        case .filter(let text): PromptLine(prefix: "/", text: text)
        case .command(let text): PromptLine(prefix: ":", text: text)
        case .log where state.logs.view?.searchInput != nil:
            PromptLine(prefix: "/", text: state.logs.view?.searchInput ?? "")
        case .journal(let mode): JournalOverlay.prompt(for: mode, journal: state.journal)
        default: nil
        }
    }

    private func renderOverlay(in body: Rect, on screen: inout Screen) {
        switch state.mode {
        case .help(let scrollOffset):
            var help = state.helpModal
            help.scrollOffset = scrollOffset
            help.render(in: body, on: &screen)
        case .confirmQuit:
            Modal.confirmation(title: "Quit", question: "Quit Firebreak?").render(in: body, on: &screen)
        case .journal(let mode):
            JournalOverlay.modal(for: mode, journal: state.journal)?.render(in: body, on: &screen)
        default:
            break
        }
    }
}
