import Foundation

/// Draws a container's log over the body of the screen: a box titled with the pod, container and run, the lines that
/// fit (cut or wrapped), search matches marked, and a status line in the bottom border; pure, O(lines shown).
public struct LogView {
    public var state: LogViewState

    public init(state: LogViewState) {
        self.state = state
    }

    /// `Log kube-system/coredns-7db6d8ff4d-x2k9p · coredns · previous run (OOMKilled, exit 137)`.
    public var title: String {
        var title = "Log \(state.subject.namespace)/\(state.subject.pod) · \(state.container.name)"
        if state.isPrevious {
            title += " · previous run" + (state.container.lastTermination.map { " (\($0))" } ?? "")
        }
        return title
    }

    /// The bottom border: what feeds the view, how many lines, the time they span, the search.
    public var status: String {
        var parts: [String] = []
        switch state.phase {
        case .loading: parts.append("loading")
        case .streaming: parts.append(state.isFollowing ? "following" : "paused (f follows)")
        case .ended: parts.append("end of log")
        case .failed: parts.append("failed")
        }
        let count = state.lines.count
        parts.append(count == 1 ? "1 line" : "\(Self.grouped(count)) lines")
        if let first = state.lines[state.lines.firstNumber]?.time,
            let last = state.lines[state.lines.endNumber - 1]?.time
        {
            parts.append("\(Self.clock(first))–\(Self.clock(last))")
        }
        if state.wraps { parts.append("wrap") }
        if let search = state.search {
            let position = search.currentPosition.map { "\($0) of " } ?? ""
            parts.append("/\(search.query): \(position)\(search.matches.count) matches")
        }
        return parts.joined(separator: " · ")
    }

    public func render(in body: Rect, on screen: inout Screen) {
        let layout = LogLayout(body: body)
        guard layout.text.width > 0, layout.text.height > 0 else { return }
        screen.fill(body)
        screen.box(body, title: title, style: Style(.border))
        drawStatus(in: layout.frame, on: &screen)
        if state.lines.isEmpty {
            switch state.phase {
            case .failed(let message): putWrapped(message, from: 0, in: layout.text, on: &screen)
            case .loading: screen.put("Waiting for the log…", in: layout.text.row(0), style: Style(.dim))
            case .streaming, .ended: screen.put("The log is empty", in: layout.text.row(0), style: Style(.dim))
            }
            return
        }
        var row = 0
        var number = layout.firstLine(of: state)
        while row < layout.text.height, let line = state.lines[number] {
            let text = LogText.displayed(line.text)
            let isCurrent = state.search?.current == number
            let pieces = state.wraps ? LogText.rows(text, width: layout.text.width) : [text.startIndex..<text.endIndex]
            for piece in pieces where row < layout.text.height {
                let rect = layout.text.row(row)
                if state.wraps {
                    screen.put(String(text[piece]), x: rect.x, y: rect.y, clip: rect)
                } else {
                    screen.put(text, in: rect)
                }
                markMatches(in: text, piece: piece, rect: rect, isCurrent: isCurrent, on: &screen)
                row += 1
            }
            number += 1
        }
        if case .failed(let message) = state.phase {
            putWrapped(message, from: row, in: layout.text, on: &screen)
        }
    }

    /// A failure, wrapped onto the rows from `row` on.
    private func putWrapped(_ message: String, from row: Int, in text: Rect, on screen: inout Screen) {
        for (offset, piece) in LogText.rows(message, width: text.width).enumerated() where row + offset < text.height {
            screen.put(String(message[piece]), in: text.row(row + offset), style: Style(.error))
        }
    }

    private func drawStatus(in frame: Rect, on screen: inout Screen) {
        let text = " " + status + " "
        let room = max(0, frame.width - 4)
        let shown = text.truncated(toWidth: room)
        let x = frame.maxX - 2 - shown.displayWidth
        screen.put(shown, x: x, y: frame.maxY - 1, style: Style(.dim), clip: frame)
    }

    /// Redraws the occurrences of the search in the part `piece` of `text` drawn in `rect`, reversed (and in the
    /// warning colour on the match in focus).
    private func markMatches(
        in text: String, piece: Range<String.Index>, rect: Rect, isCurrent: Bool, on screen: inout Screen
    ) {
        guard let search = state.search, !search.query.isEmpty else { return }
        let style = isCurrent ? Style(.severityWarning, .reverse) : Style(.normal, .reverse)
        var from = piece.lowerBound
        while from < piece.upperBound,
            let found = text.range(of: search.query, options: .caseInsensitive, range: from..<piece.upperBound)
        {
            let column = String(text[piece.lowerBound..<found.lowerBound]).displayWidth
            guard column < rect.width else { break }
            screen.put(String(text[found]), x: rect.x + column, y: rect.y, style: style, clip: rect)
            from = found.upperBound
        }
    }

    /// `09:02:31` (UTC, as the header's clock).
    private static func clock(_ date: Date) -> String {
        String(UTCClock.text(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down))).dropLast(4))
    }

    /// `100,000`: thousands grouped with commas, whatever the locale (the screen is the same everywhere).
    static func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
