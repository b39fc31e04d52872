/// A line of text in a modal with its role.
public struct StyledLine: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .modal) {
        self.text = text
        self.role = role
    }
}

/// A bordered box centred over the screen, for help and confirmations.
public struct Modal: Hashable, Sendable {
    public var title: String
    public var lines: [StyledLine]
    /// The first line in view when the lines do not fit.
    public var scrollOffset: Int
    /// The widest the box may be.
    public var maximumWidth: Int

    public init(title: String, lines: [StyledLine], scrollOffset: Int = 0, maximumWidth: Int = 76) {
        self.title = title
        self.lines = lines
        self.scrollOffset = scrollOffset
        self.maximumWidth = maximumWidth
    }

    /// The box for `area`: the lines plus a border and a margin, no larger than `area`.
    public func frame(in area: Rect) -> Rect {
        let contentWidth = max(title.displayWidth + 4, lines.map(\.text.displayWidth).max() ?? 0)
        return area.centred(Size(width: min(contentWidth + 4, maximumWidth), height: lines.count + 2))
    }

    /// Lines that fit inside a box drawn in `area`.
    public func visibleLineCount(in area: Rect) -> Int {
        max(0, frame(in: area).height - 2)
    }

    public func render(in area: Rect, on screen: inout Screen) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        screen.fill(box, style: Style(.modal))
        screen.box(box, title: title)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let first = min(max(0, scrollOffset), max(0, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.put(line.text, in: inner.row(offset), style: Style(line.role))
        }
    }
}

extension Modal {
    /// The help screen generated from `keymap` for `context`.
    public static func help(keymap: Keymap, context: KeyContext, width: Int) -> Modal {
        let lines = keymap.helpLines(for: context, width: max(0, min(width, 76) - 4)).map { line in
            switch line.kind {
            case .heading: StyledLine(line.text, role: .title)
            case .disabled: StyledLine(line.text, role: .dim)
            case .binding, .blank: StyledLine(line.text)
            }
        }
        return Modal(title: "Help", lines: lines)
    }

    /// A yes/no question.
    public static func confirmation(title: String, question: String) -> Modal {
        Modal(
            title: title, lines: [StyledLine(question), StyledLine(""), StyledLine("y yes   n no", role: .footerKey)])
    }
}
