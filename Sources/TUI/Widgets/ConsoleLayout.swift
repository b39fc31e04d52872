/// How the console's panes share the body of the screen.
public enum PaneArrangement: Hashable, Sendable {
    /// Focused pane on the left, secondary pane on the right (wide terminals).
    case sideBySide
    /// Secondary pane on top, focused pane below (80x24 and up, or narrow but tall).
    case stacked
    /// Only the focused pane (short terminals).
    case single
    /// Smaller than `ConsoleLayout.minimum`: only a message.
    case tooSmall
}

/// Where the header, panes and footer go for a terminal size.
public struct ConsoleLayout: Hashable, Sendable {
    /// The smallest size the console draws in.
    public static let minimum = Size(width: 40, height: 10)
    /// The smallest size that shows more than one pane.
    public static let comfortable = Size(width: 80, height: 24)
    /// The narrowest terminal that puts two panes side by side.
    public static let sideBySideWidth = 160

    public var arrangement: PaneArrangement
    public var header: Rect
    public var body: Rect
    public var footer: Rect
    /// The focused pane's area, then the secondary pane's area when shown.
    public var panes: [Rect]

    /// The layout for `size`: one header row, one footer row, panes in between; `zoomed` gives the focused pane the
    /// whole body (`z`).
    public init(size: Size, zoomed: Bool = false) {
        let screen = Rect(size: size)
        let (header, rest) = screen.splitTop(1)
        let (body, footer) = rest.splitBottom(1)
        self.header = header
        self.body = body
        self.footer = footer
        if size.width < Self.minimum.width || size.height < Self.minimum.height {
            arrangement = .tooSmall
            panes = []
        } else if zoomed {
            arrangement = .single
            panes = [body]
        } else if size.width >= Self.sideBySideWidth, size.height >= Self.comfortable.height {
            arrangement = .sideBySide
            let focusedWidth = body.width * 3 / 5
            panes = [
                Rect(x: body.x, y: body.y, width: focusedWidth, height: body.height),
                Rect(x: body.x + focusedWidth, y: body.y, width: body.width - focusedWidth, height: body.height),
            ]
        } else if size.height >= Self.comfortable.height {
            arrangement = .stacked
            let (top, bottom) = body.splitTop(body.height / 3)
            panes = [bottom, top]
        } else {
            arrangement = .single
            panes = [body]
        }
    }
}
