/// Horizontal alignment of text in a column.
public enum Alignment: String, Hashable, Sendable {
    case left, right, centre
}

extension String {
    /// Columns this text takes in a terminal.
    public var displayWidth: Int {
        reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The text cut to at most `width` columns, ending in `…` when something was cut.
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// The text cut to at most `width` columns by leaving out its middle (`…`), keeping as much of its end as of
    /// its start.
    public func truncatedInMiddle(toWidth width: Int) -> String {
        guard width > 2, displayWidth > width else { return truncated(toWidth: width) }
        var tail = ""
        var used = 0
        for character in reversed() {
            let w = DisplayWidth.of(character)
            if used + w > (width - 1) / 2 { break }
            tail.insert(character, at: tail.startIndex)
            used += w
        }
        return truncated(toWidth: width - used) + tail
    }

    /// The text truncated to `width` and padded with spaces to exactly `width` columns.
    public func padded(toWidth width: Int, alignment: Alignment = .left) -> String {
        let text = truncated(toWidth: width)
        let gap = max(0, width - text.displayWidth)
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + text
        case .centre:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }
}
