/// Where a log view's lines go in the body of the screen, and which lines it shows.
struct LogLayout {
    /// The box around the log.
    var frame: Rect
    /// Inside the box: where lines are drawn.
    var text: Rect

    init(body: Rect) {
        frame = body
        text = Rect(x: body.x + 1, y: body.y + 1, width: max(0, body.width - 2), height: max(0, body.height - 2))
    }

    init(size: Size) {
        self.init(body: ConsoleLayout(size: size).body)
    }

    /// Rows the line numbered `number` takes.
    func rows(of number: Int, in view: LogViewState) -> Int {
        guard view.wraps, let line = view.lines[number] else { return 1 }
        return LogText.rowCount(LogText.displayed(line.text), width: text.width)
    }

    /// The first line shown when the newest line is at the bottom (following, or scrolled to the end).
    func firstLineAtEnd(of view: LogViewState) -> Int {
        let end = view.lines.endNumber
        guard view.wraps else { return max(view.lines.firstNumber, end - text.height) }
        var first = end
        var used = 0
        while first > view.lines.firstNumber {
            let rows = self.rows(of: first - 1, in: view)
            if used + rows > text.height, used > 0 { break }
            used += rows
            first -= 1
        }
        return first
    }

    /// The first line shown: the newest lines while following, else the view's top (kept within the buffer).
    func firstLine(of view: LogViewState) -> Int {
        view.isFollowing
            ? firstLineAtEnd(of: view) : min(max(view.top, view.lines.firstNumber), firstLineAtEnd(of: view))
    }
}
