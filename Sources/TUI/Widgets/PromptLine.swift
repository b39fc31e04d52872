/// The one-line input for `/` filters and `:` commands, with a block cursor at the end.
public struct PromptLine: Hashable, Sendable {
    public var prefix: String
    public var text: String

    public init(prefix: String, text: String) {
        self.prefix = prefix
        self.text = text
    }

    /// Shows the end of the text when it is longer than the line.
    public func render(in rect: Rect, on screen: inout Screen) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: Style(.prompt))
        let room = max(0, line.width - prefix.displayWidth - 1)
        var shown = Substring(text)
        while shown.description.displayWidth > room, !shown.isEmpty { shown = shown.dropFirst() }
        let x = screen.put(prefix + shown, x: line.x, y: line.y, style: Style(.prompt), clip: line)
        screen.put(" ", x: x, y: line.y, style: Style(.prompt, .reverse), clip: line)
    }
}
