import Runbooks

/// The runbook panel's events: the engine's progress, questions and result for the action the panel shows.
func reduceRunbook(_ event: AppEvent, _ state: inout AppState) -> [AppEffect] {
    switch event {
    case .runbookStarted(let panel):
        state.runbook = panel
        state.mode = .runbook
        state.message = nil
        return []
    case .runbookRefused(let reason):
        state.message = StatusMessage(reason, isError: true)
        return []
    case .runbookAccessChecked(let key, let availability):
        state.runbookAccess[key] = availability
        return []
    case .runbookProgressed(let action, let update):
        guard state.runbook?.action == action else { return [] }
        state.runbook?.apply(update)
        return []
    case .runbookConfirmationRequested(let action):
        guard var panel = state.runbook, panel.action == action, !panel.isFinished else {
            return [.answerRunbook(action: action, .confirmation(.declined))]
        }
        panel.isAskingAgain = panel.phase != .preparing
        panel.phase = panel.acceptsWhenReady && !panel.isAskingAgain ? .confirming(typed: "") : .reviewing
        state.runbook = panel
        state.mode = .runbook
        return []
    case .runbookRollbackOffered(let action, let reason):
        guard state.runbook?.action == action else { return [.answerRunbook(action: action, .rollback(false))] }
        state.runbook?.phase = .offeringRollback(reason)
        state.mode = .runbook
        return []
    case .runbookFinished(let action, let actionID, let status, let message):
        guard var panel = state.runbook, panel.action == action else { return [] }
        panel.phase = .finished(status, message)
        panel.actionID = actionID
        if let last = panel.progress.indices.last, panel.progress[last].state == .running {
            panel.progress[last].state = RunbookResult(status, message).isSuccess ? .done : .failed
        }
        state.runbook = panel
        if state.mode != .runbook {
            state.message = StatusMessage(
                "\(panel.runbook) on \(panel.target.name): \(status.rawValue): \(message)",
                isError: !RunbookResult(status, message).isSuccess)
        }
        return []
    default:
        return []
    }
}

/// A key pressed while the runbook panel is open.
func runbookKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    guard var panel = state.runbook else {
        state.mode = .normal
        return []
    }
    defer { if state.runbook != nil { state.runbook = panel } }
    if let text = panel.editing { return editKey(key, text: text, &panel) }
    switch panel.phase {
    case .preparing:
        switch key {
        case .enter:
            panel.acceptsWhenReady = true
        case .escape, .character("n"), .character("q"):
            return close(&state, answering: panel.action)
        default:
            break
        }
    case .reviewing:
        switch key {
        case .up, .character("k"): panel.selectedParameter = max(0, panel.selectedParameter - 1)
        case .down, .character("j"):
            panel.selectedParameter = min(max(0, panel.parameters.count - 1), panel.selectedParameter + 1)
        case .character("e") where !panel.parameters.isEmpty:
            panel.editing = panel.parameters[panel.selectedParameter].value
        case .enter: panel.phase = .confirming(typed: "")
        case .escape, .character("n"), .character("q"): return close(&state, answering: panel.action)
        default: break
        }
    case .confirming(let typed):
        return confirmKey(key, typed: typed, &panel)
    case .running:
        if key == .escape, !panel.status.isEmpty {
            state.message = StatusMessage("Stopping \(panel.runbook): what was done stays done")
            return [.cancelRunbook(action: panel.action)]
        }
        if key == .escape {
            state.mode = .normal
            state.message = StatusMessage("\(panel.runbook) keeps running; its result will show here")
        }
    case .offeringRollback:
        switch key {
        case .character("y"), .character("Y"):
            panel.phase = .running
            return [.answerRunbook(action: panel.action, .rollback(true))]
        case .character("n"), .escape:
            panel.phase = .running
            return [.answerRunbook(action: panel.action, .rollback(false))]
        default:
            break
        }
    case .finished:
        if [.escape, .enter, .character("q")].contains(key) {
            state.mode = .normal
            state.runbook = nil
        }
    }
    return []
}

/// Closes the panel before anything was applied; the engine is told no (it may still be asking).
private func close(_ state: inout AppState, answering action: Int) -> [AppEffect] {
    state.mode = .normal
    state.runbook = nil
    state.message = StatusMessage("Declined: nothing changed")
    return [.answerRunbook(action: action, .confirmation(.declined))]
}

/// The confirmation: `y`/`n`, or the object's name then Enter; Esc goes back to the parameters.
private func confirmKey(_ key: Key, typed: String, _ panel: inout RunbookPanel) -> [AppEffect] {
    if key == .escape {
        panel.phase = .reviewing
        return []
    }
    guard case .typeName = panel.confirmation else {
        switch key {
        case .character("y"), .character("Y"):
            panel.phase = .running
            return [.answerRunbook(action: panel.action, .confirmation(.accepted(typed: nil)))]
        case .character("n"), .character("N"):
            panel.phase = .running
            return [.answerRunbook(action: panel.action, .confirmation(.declined))]
        default:
            return []
        }
    }
    switch key {
    case .enter:
        panel.phase = .running
        return [.answerRunbook(action: panel.action, .confirmation(.accepted(typed: typed)))]
    case .backspace:
        panel.phase = .confirming(typed: String(typed.dropLast()))
    case .control("u"):
        panel.phase = .confirming(typed: "")
    case .character(let character):
        panel.phase = .confirming(typed: typed + String(character))
    default:
        break
    }
    return []
}

/// Typing a parameter's value; Enter runs the runbook again with it (the engine plans and dry-runs anew).
private func editKey(_ key: Key, text: String, _ panel: inout RunbookPanel) -> [AppEffect] {
    switch key {
    case .escape:
        panel.editing = nil
    case .enter:
        panel.editing = nil
        let name = panel.parameters[panel.selectedParameter].name
        guard text != panel.parameters[panel.selectedParameter].value else { return [] }
        var settings = panel.settings
        settings[name] = text
        panel.phase = .preparing
        return [
            .answerRunbook(action: panel.action, .confirmation(.declined)),
            .runRunbook(panel.runbook, panel.target, settings: settings),
        ]
    case .backspace:
        panel.editing = String(text.dropLast())
    case .control("u"):
        panel.editing = ""
    case .character(let character):
        panel.editing = text + String(character)
    default:
        break
    }
    return []
}
