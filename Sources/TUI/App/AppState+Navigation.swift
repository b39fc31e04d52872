extension AppState {
    /// Moves the focused pane's cursor for a movement action and keeps it in view.
    mutating func moveCursor(_ action: Action) {
        var pane = focusedPane
        let last = max(0, pane.rowCount - 1)
        switch action {
        case .moveUp: pane.cursor -= 1
        case .moveDown: pane.cursor += 1
        case .pageUp: pane.cursor -= visibleRows
        case .pageDown: pane.cursor += visibleRows
        case .top: pane.cursor = 0
        case .bottom: pane.cursor = last
        default: break
        }
        pane.cursor = min(max(0, pane.cursor), last)
        focusedPane = pane
        scrollToCursor(focus)
    }

    /// Scrolls the detail view (the view clamps the offset to its length).
    mutating func scrollDetail(_ action: Action) {
        let page = max(1, ConsoleLayout(size: size).body.height - 2)
        switch action {
        case .moveUp: detailScrollOffset -= 1
        case .moveDown: detailScrollOffset += 1
        case .pageUp: detailScrollOffset -= page
        case .pageDown: detailScrollOffset += page
        default: detailScrollOffset = 0
        }
        detailScrollOffset = min(max(0, detailScrollOffset), 500)
    }

    /// Moves the column cursor of the focused pane, staying within its columns.
    mutating func moveColumn(by offset: Int) {
        var pane = focusedPane
        pane.selectedColumn = min(max(0, pane.selectedColumn + offset), max(0, pane.columnCount - 1))
        focusedPane = pane
    }

    /// Sorts the focused pane by the column under the cursor; again on the same column reverses it.
    mutating func toggleSort() -> [AppEffect] {
        var pane = focusedPane
        guard pane.columnCount > 0 else { return [] }
        if let sort = pane.query.sort, sort.column == pane.selectedColumn {
            pane.query.sort = SortOrder(column: sort.column, isAscending: !sort.isAscending)
        } else {
            pane.query.sort = SortOrder(column: pane.selectedColumn)
        }
        focusedPane = pane
        return [.applyQuery(focus, pane.query)]
    }

    /// Removes the focused pane's filter, if it has one.
    mutating func clearFilter() -> [AppEffect] {
        var pane = focusedPane
        guard !pane.query.filter.isEmpty else { return [] }
        pane.query.filter = .none
        focusedPane = pane
        return [.applyQuery(focus, pane.query)]
    }

    /// Scrolls `pane` so its cursor is in view.
    mutating func scrollToCursor(_ paneID: PaneID) {
        guard var pane = panes[paneID] else { return }
        let rows = visibleRows
        if pane.cursor < pane.scrollOffset {
            pane.scrollOffset = pane.cursor
        } else if pane.cursor >= pane.scrollOffset + rows {
            pane.scrollOffset = pane.cursor - rows + 1
        }
        pane.scrollOffset = min(max(0, pane.scrollOffset), max(0, pane.rowCount - rows))
        panes[paneID] = pane
    }
}
