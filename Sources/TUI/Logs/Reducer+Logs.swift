import ClusterModel

/// The log view's part of `reduce`: opening a log once the container is known, the picker's and the view's keys,
/// and the lines and the end of the stream that feeds the view.
func reduceLog(_ event: AppEvent, _ state: inout AppState) -> [AppEffect] {
    switch event {
    case .logSubjectResolved(let subject):
        return state.showLog(of: subject)
    case .logLinesReceived(let stream, let lines):
        // Changed in place: a copy of the view would copy its buffer of up to 100,000 lines for every batch.
        guard state.logs.view?.stream == stream else { return [] }
        state.logs.view?.receive(lines)
    case .logStreamEnded(let stream, let failure):
        guard state.logs.view?.stream == stream else { return [] }
        state.logs.view?.phase = failure.map { .failed($0) } ?? .ended
    default:
        break
    }
    return []
}

/// A key-map action in the log view.
func performInLog(_ action: Action, _ state: inout AppState) -> [AppEffect] {
    guard var view = state.logs.view else {
        state.mode = .normal
        return []
    }
    let layout = LogLayout(size: state.size)
    switch action {
    case .back:
        state.logs.view = nil
        state.mode = view.returnMode
        return [.closeLogStream(view.stream)]
    case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
        view.scroll(action, layout: layout)
    case .follow:
        if view.isFollowing { view.top = layout.firstLine(of: view) }
        view.isFollowing.toggle()
    case .wrap:
        view.top = layout.firstLine(of: view)
        view.wraps.toggle()
    case .search:
        view.searchInput = view.search?.query ?? ""
    case .nextMatch, .previousMatch:
        if let message = view.moveToMatch(forward: action == .nextMatch, layout: layout) {
            state.message = StatusMessage(message)
        }
    case .addToIncident:
        if let refusal = state.journal.refusal {
            state.message = StatusMessage(refusal, isError: true)
            return []
        }
        let excerpt = LogExcerpt(view, layout: layout)
        guard !excerpt.lines.isEmpty else {
            state.message = StatusMessage("No log lines on screen to add", isError: true)
            return []
        }
        return [.journal(.addLogExcerpt(excerpt))]
    case .previousLog:
        state.logs.lastStream += 1
        var next = LogViewState(
            subject: view.subject, container: view.container, stream: state.logs.lastStream,
            returnMode: view.returnMode, lines: LogBuffer(capacity: view.lines.capacity))
        next.isPrevious = !view.isPrevious
        next.wraps = view.wraps
        state.logs.view = next
        return [.closeLogStream(view.stream), .openLogStream(next.stream, next.request)]
    default:
        return []
    }
    state.logs.view = view
    return []
}

/// A key-map action while choosing a container.
func performInPicker(_ action: Action, _ state: inout AppState) -> [AppEffect] {
    guard var picker = state.logs.picker else {
        state.mode = .normal
        return []
    }
    let last = max(0, picker.subject.containers.count - 1)
    switch action {
    case .moveUp, .pageUp: picker.cursor = max(0, picker.cursor - 1)
    case .moveDown, .pageDown: picker.cursor = min(last, picker.cursor + 1)
    case .top: picker.cursor = 0
    case .bottom: picker.cursor = last
    case .back:
        state.logs.picker = nil
        state.mode = picker.returnMode
        return []
    case .choose:
        state.logs.picker = nil
        state.mode = picker.returnMode
        return state.openLog(picker.subject, container: picker.subject.containers[picker.cursor])
    default:
        return []
    }
    state.logs.picker = picker
    return []
}

/// A key typed into the log's `/` search: text edits it, Enter searches, Esc cancels.
func logSearchKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    guard var view = state.logs.view, var text = view.searchInput else { return [] }
    switch key {
    case .escape:
        view.searchInput = nil
    case .enter:
        view.searchInput = nil
        if text.isEmpty {
            view.search = nil
        } else {
            view.search = LogSearch(query: text, in: view.lines)
            let layout = LogLayout(size: state.size)
            let from = view.isFollowing ? view.lines.endNumber : layout.firstLine(of: view) - 1
            if let message = view.moveToMatch(forward: !view.isFollowing, from: from, layout: layout) {
                state.message = StatusMessage(message, isError: view.search?.matches.isEmpty == true)
            }
        }
    case .backspace:
        if text.isEmpty {
            view.searchInput = nil
        } else {
            text.removeLast()
            view.searchInput = text
        }
    case .control("u"):
        view.searchInput = ""
    case .character(let character):
        view.searchInput = text + String(character)
    default:
        return []
    }
    state.logs.view = view
    return []
}

extension AppState {
    /// Opens the log of `subject`'s container when it is known (or the pod has one), else asks which.
    mutating func showLog(of subject: LogSubject) -> [AppEffect] {
        guard !subject.containers.isEmpty else {
            message = StatusMessage("Pod \(subject.namespace)/\(subject.pod) has no containers", isError: true)
            return []
        }
        let chosen = subject.container ?? (subject.containers.count == 1 ? subject.containers[0].name : nil)
        if let container = subject.containers.first(where: { $0.name == chosen }) {
            return openLog(subject, container: container)
        }
        let troubled = subject.containers.firstIndex { $0.restarts > 0 } ?? 0
        logs.picker = ContainerPicker(subject: subject, cursor: troubled, returnMode: mode)
        mode = .chooseContainer
        return []
    }

    /// Shows the current run's log of `container`, following, fed by a new stream.
    mutating func openLog(_ subject: LogSubject, container: ContainerChoice) -> [AppEffect] {
        logs.lastStream += 1
        let view = LogViewState(subject: subject, container: container, stream: logs.lastStream, returnMode: mode)
        logs.view = view
        mode = .log
        return [.openLogStream(view.stream, view.request)]
    }

    /// True while the log view shows, also under the help or the quit question.
    public var isShowingLog: Bool {
        mode == .log || ((mode == .confirmQuit || mode.isHelp) && underlyingMode == .log)
    }

    /// True while choosing a container, also under the help or the quit question.
    public var isChoosingContainer: Bool {
        mode == .chooseContainer || ((mode == .confirmQuit || mode.isHelp) && underlyingMode == .chooseContainer)
    }
}

extension LogViewState {
    /// Adds lines from the stream, and their search matches.
    mutating func receive(_ received: [LogLine]) {
        let start = lines.endNumber
        lines.append(contentsOf: received)
        search?.add(lines, from: start)
        if phase == .loading { phase = .streaming }
    }

    /// Scrolls for a movement key: up and paging back stop following; `G` (bottom) follows again.
    mutating func scroll(_ action: Action, layout: LogLayout) {
        let first = layout.firstLine(of: self)
        let page = max(1, layout.text.height - 1)
        switch action {
        case .moveUp: top = first - 1
        case .moveDown: top = first + 1
        case .pageUp: top = first - page
        case .pageDown: top = first + page
        case .top: top = lines.firstNumber
        default:
            isFollowing = true
            return
        }
        isFollowing = false
        top = min(max(lines.firstNumber, top), layout.firstLineAtEnd(of: self))
    }

    /// Moves to the next (or previous) match after (before) line `from` (by default the match in focus, or the top
    /// line) and brings it into view; returns what to say when there is none.
    mutating func moveToMatch(forward: Bool, from: Int? = nil, layout: LogLayout) -> String? {
        guard var search else { return nil }
        let from = from ?? search.current ?? layout.firstLine(of: self)
        guard let match = forward ? search.match(after: from) : search.match(before: from) else {
            if search.matches.isEmpty { return "No match for '\(search.query)'" }
            return forward ? "No match below (\(search.matches.count) in all)" : "No match above"
        }
        search.current = match
        self.search = search
        isFollowing = false
        top = min(max(lines.firstNumber, match - layout.text.height / 3), layout.firstLineAtEnd(of: self))
        return nil
    }
}
