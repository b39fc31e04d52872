/// The bottom line: a message (if any) on the left, then the key hints that fit.
public struct FooterBar: Hashable, Sendable {
    public var keymap: Keymap
    public var context: KeyContext
    public var message: String?
    public var isError: Bool

    public init(keymap: Keymap, context: KeyContext, message: String? = nil, isError: Bool = false) {
        self.keymap = keymap
        self.context = context
        self.message = message
        self.isError = isError
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: Style(.footer))
        var x = line.x
        if let message, !message.isEmpty {
            x = screen.put(
                message.truncated(toWidth: line.width), x: x, y: line.y, style: Style(isError ? .error : .message),
                clip: line)
            x += 2
        }
        let hints = keymap.footerHints(for: context, width: line.maxX - x)
        for (index, hint) in hints.enumerated() {
            if index > 0 { x += 2 }
            x = screen.put(hint.key, x: x, y: line.y, style: Style(.footerKey), clip: line)
            x = screen.put(" " + hint.label, x: x, y: line.y, style: Style(.footer), clip: line)
        }
    }
}
