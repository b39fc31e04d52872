/// Box-drawing characters for borders and rules.
enum BoxGlyph {
    static let horizontal: Character = "─"
    static let vertical: Character = "│"
    static let topLeft: Character = "┌"
    static let topRight: Character = "┐"
    static let bottomLeft: Character = "└"
    static let bottomRight: Character = "┘"
}

extension Screen {
    /// Draws `text` from (x, y), clipped to `clip` (the whole screen by default).
    ///
    /// Returns the column after the last one drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var column = x
        for character in text {
            if column >= area.maxX { break }
            if column < area.x {
                column += DisplayWidth.of(character)
                if column > area.x { fill(Rect(x: area.x, y: y, width: column - area.x, height: 1), style: style) }
                continue
            }
            column += putCharacter(character, x: column, y: y, style: style, clip: area)
        }
        return column
    }

    /// Draws `text` in the one-row `rect`, truncated with `…` and padded to its width.
    public mutating func put(_ text: String, in rect: Rect, alignment: Alignment = .left, style: Style = .normal) {
        guard !rect.isEmpty else { return }
        put(text.padded(toWidth: rect.width, alignment: alignment), x: rect.x, y: rect.y, style: style, clip: rect)
    }

    /// Fills `rect` with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                x += max(1, putCharacter(character, x: x, y: y, style: style, clip: area))
            }
        }
    }

    /// Draws a horizontal rule of `width` cells from (x, y).
    public mutating func horizontalLine(x: Int, y: Int, width: Int, style: Style = Style(.border)) {
        fill(Rect(x: x, y: y, width: width, height: 1), with: BoxGlyph.horizontal, style: style)
    }

    /// Draws a border around `rect` with an optional title in the top edge.
    public mutating func box(
        _ rect: Rect, title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title)
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalLine(x: rect.x + 1, y: rect.y, width: rect.width - 2, style: style)
        horizontalLine(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, style: style)
        fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), with: BoxGlyph.vertical, style: style)
        fill(
            Rect(x: rect.maxX - 1, y: rect.y + 1, width: 1, height: rect.height - 2), with: BoxGlyph.vertical,
            style: style)
        put(String(BoxGlyph.topLeft), x: rect.x, y: rect.y, style: style)
        put(String(BoxGlyph.topRight), x: rect.maxX - 1, y: rect.y, style: style)
        put(String(BoxGlyph.bottomLeft), x: rect.x, y: rect.maxY - 1, style: style)
        put(String(BoxGlyph.bottomRight), x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 {
            let text = " " + title.truncated(toWidth: rect.width - 6) + " "
            put(
                text, x: rect.x + 2, y: rect.y, style: titleStyle,
                clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
    }
}
