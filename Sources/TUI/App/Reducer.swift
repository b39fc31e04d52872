/// Applies `event` to `state` and returns what the UI loop must do; pure.
public func reduce(_ state: inout AppState, _ event: AppEvent) -> [AppEffect] {
    switch event {
    case .keyPressed(let key):
        return keyPressed(key, &state)
    case .resized(let size):
        state.size = size
        for pane in PaneID.allCases { state.scrollToCursor(pane) }
        return []
    case .tick(let time):
        state.time = time
        return []
    case .clusterUpdated:
        return [.refreshCluster]
    case .queryOrdered(let pane):
        return [.adoptQueryOrder(pane)]
    case .messagePosted(let message):
        state.message = message
        return []
    case .detailUnavailable(let reason):
        if case .detail = state.mode { state.mode = .normal }
        if case .detail = state.underlyingMode { state.underlyingMode = .normal }
        state.detailScrollOffset = 0
        state.message = StatusMessage(reason, isError: true)
        return []
    case .groupToggled:
        if case .detail = state.mode { state.mode = .normal }
        state.detailScrollOffset = 0
        return []
    case .switchFailed(let reason):
        state.message = StatusMessage(reason, isError: true)
        return []
    case .logSubjectResolved, .logLinesReceived, .logStreamEnded:
        return reduceLog(event, &state)
    case .runbookStarted, .runbookRefused, .runbookProgressed, .runbookConfirmationRequested, .runbookRollbackOffered,
        .runbookFinished, .runbookAccessChecked:
        return reduceRunbook(event, &state)
    case .journal(let event):
        return reduceJournal(event, &state)
    case .unfinishedActions(let offer, let message):
        state.unfinishedOffer = offer
        if let message { state.message = message }
        return []
    case .rowsChanged(let pane, let rowCount, let totalCount, let cursor):
        guard var paneState = state.panes[pane] else { return [] }
        paneState.rowCount = max(0, rowCount)
        paneState.totalCount = max(0, totalCount)
        paneState.cursor = min(max(0, cursor ?? paneState.cursor), max(0, paneState.rowCount - 1))
        state.panes[pane] = paneState
        state.scrollToCursor(pane)
        return []
    }
}

private func keyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    switch state.mode {
    case .filter(let text):
        return promptKey(key, text: text, isCommand: false, &state)
    case .command(let text):
        return promptKey(key, text: text, isCommand: true, &state)
    case .confirmQuit:
        if key == .character("y") || key == .character("Y") { return [.quit] }
        state.mode = state.underlyingMode
        return []
    case .log where state.logs.view?.searchInput != nil:
        return logSearchKey(key, &state)
    case .runbook:
        return runbookKey(key, &state)
    case .journal(let mode):
        return journalKey(key, mode, &state)
    case .normal, .help, .detail, .log, .chooseContainer:
        state.message = nil
        switch state.keymap.resolve(key, in: state.keyContext) {
        case .action(let action):
            return perform(action, &state)
        case .disabled(_, let reason):
            state.message = StatusMessage(TUIError.keyDisabled(key: key, reason: reason).description, isError: true)
            return []
        case .unbound:
            return []
        }
    }
}

/// Runs a key-map action in the current mode.
private func perform(_ action: Action, _ state: inout AppState) -> [AppEffect] {
    switch (state.mode, action) {
    case (.help(let scrollOffset), _):
        return performInHelp(action, scrollOffset: scrollOffset, &state)
    case (_, .help):
        state.underlyingMode = state.mode
        state.mode = .help(scrollOffset: 0)
        return []
    case (_, .quit):
        state.underlyingMode = state.mode
        state.mode = .confirmQuit
        return []
    case (.log, _):
        return performInLog(action, &state)
    case (.chooseContainer, _):
        return performInPicker(action, &state)
    case (.detail(let pane, let row), .openLog):
        return [.resolveLogSubject(pane, row: row)]
    case (.detail, .back):
        state.mode = .normal
        state.detailScrollOffset = 0
        return []
    case (.detail, .moveUp), (.detail, .moveDown), (.detail, .pageUp), (.detail, .pageDown), (.detail, .top):
        state.scrollDetail(action)
        return []
    case (.detail, _) where !action.isRunbook:
        return []
    default:
        return performInTable(action, &state)
    }
}

/// Runs an action on the focused pane's table (or its selected row).
private func performInTable(_ action: Action, _ state: inout AppState) -> [AppEffect] {
    switch action {
    case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
        state.moveCursor(action)
    case .left, .right:
        state.moveColumn(by: action == .left ? -1 : 1)
    case .nextPane:
        state.focus = state.focus.next
    case .previousPane:
        state.focus = state.focus.previous
    case .pane(let number):
        state.focus = PaneID(rawValue: number) ?? state.focus
    case .filter:
        state.mode = .filter(state.focusedPane.query.filter.input)
    case .command:
        state.mode = .command("")
    case .sort:
        return state.toggleSort()
    case .detail:
        guard state.focusedPane.rowCount > 0 else { return [] }
        state.mode = .detail(state.focus, row: state.focusedPane.cursor)
        state.detailScrollOffset = 0
        return [.showDetail(state.focus, row: state.focusedPane.cursor)]
    case .back:
        return state.clearFilter()
    case .help, .quit:
        break
    case .openLog:
        guard state.focusedPane.rowCount > 0 else { return [] }
        return [.resolveLogSubject(state.focus, row: state.focusedPane.cursor)]
    case .previousLog, .follow, .wrap, .search, .nextMatch, .previousMatch, .choose, .addToIncident:
        break
    case .runbook(let id):
        guard state.focusedPane.rowCount > 0 else {
            state.message = StatusMessage("Runbook '\(id)': select a row first", isError: true)
            return []
        }
        return [.requestRunbook(id, state.focus, row: state.focusedPane.cursor)]
    case .openIncident, .note, .milestones, .toggleHidden, .exportCOE:
        return performJournalAction(action, &state)
    case .zoom:
        state.isZoomed.toggle()
        for pane in PaneID.allCases { state.scrollToCursor(pane) }
    case .toggleNormalEvents:
        state.showsNormalEvents.toggle()
        state.focus = .events
        state.message = StatusMessage(state.showsNormalEvents ? "Events: all types" : "Events: Warnings only")
        return [.showNormalEvents(state.showsNormalEvents)]
    }
    return []
}

private func performInHelp(_ action: Action, scrollOffset: Int, _ state: inout AppState) -> [AppEffect] {
    let help = state.helpModal
    let page = help.visibleLineCount(in: ConsoleLayout(size: state.size).body)
    let last = max(0, help.lines.count - page)
    let target: Int
    switch action {
    case .moveUp: target = scrollOffset - 1
    case .moveDown: target = scrollOffset + 1
    case .pageUp: target = scrollOffset - page
    case .pageDown: target = scrollOffset + page
    case .top: target = 0
    case .bottom: target = last
    case .back, .help:
        state.mode = state.underlyingMode
        return []
    case .quit:
        state.mode = .confirmQuit
        return []
    default:
        return []
    }
    state.mode = .help(scrollOffset: min(max(0, target), last))
    return []
}
