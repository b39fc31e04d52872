/// A key typed into the `/` or `:` prompt: text edits it, Enter applies, Esc cancels.
func promptKey(_ key: Key, text: String, isCommand: Bool, _ state: inout AppState) -> [AppEffect] {
    switch PromptEdit(key, text: text) {
    case .cancel:
        state.mode = .normal
        return []
    case .submit(let text):
        state.mode = .normal
        return isCommand ? runCommand(text, &state) : applyFilter(text, &state)
    case .editing(let text):
        state.mode = isCommand ? .command(text) : .filter(text)
        return []
    }
}

private func applyFilter(_ text: String, _ state: inout AppState) -> [AppEffect] {
    var pane = state.focusedPane
    pane.query.filter = RowFilter(parsing: text)
    pane.cursor = 0
    pane.scrollOffset = 0
    state.focusedPane = pane
    return [.applyQuery(state.focus, pane.query)]
}

private func runCommand(_ text: String, _ state: inout AppState) -> [AppEffect] {
    let command: ConsoleCommand
    do {
        command = try ConsoleCommand.parse(text)
    } catch {
        state.message = StatusMessage(error.description, isError: true)
        return []
    }
    switch command {
    case .namespace(let name):
        state.namespace = name
        state.message = StatusMessage("Namespace: \(name ?? "all")")
        return [.switchNamespace(name)]
    case .context(let name):
        state.runbookAccess = [:]
        state.message = StatusMessage("Switching to context \(name)")
        return [.switchContext(name)]
    case .showPane(let pane):
        state.focus = pane
        return []
    case .runbook(let id):
        guard state.focusedPane.rowCount > 0 else {
            state.message = StatusMessage("Runbook '\(id)': select a row first", isError: true)
            return []
        }
        return [.requestRunbook(id, state.focus, row: state.focusedPane.cursor)]
    case .recheck:
        state.message = StatusMessage("Re-checking requests whose result is unknown against the cluster…")
        return [.recheckUnfinished]
    case .quit:
        return [.quit]
    }
}
