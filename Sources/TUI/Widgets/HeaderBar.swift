/// One piece of the header bar, such as the context or the API health.
public struct HeaderSegment: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .header) {
        self.text = text
        self.role = role
    }
}

/// The top line: segments from the left separated by `│`, and `trailing` (the clock) on the right.
public struct HeaderBar: Hashable, Sendable {
    public var segments: [HeaderSegment]
    public var trailing: String

    public init(segments: [HeaderSegment], trailing: String = "") {
        self.segments = segments
        self.trailing = trailing
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: Style(.header))
        let trailingWidth = trailing.isEmpty ? 0 : min(trailing.displayWidth + 1, line.width)
        let left = Rect(x: line.x, y: line.y, width: line.width - trailingWidth, height: 1)
        var x = left.x
        for (index, segment) in segments.enumerated() {
            if index > 0 { x = screen.put("│", x: x, y: line.y, style: Style(.header), clip: left) }
            x = screen.put(" \(segment.text) ", x: x, y: line.y, style: Style(segment.role), clip: left)
        }
        if trailingWidth > 0 {
            screen.put(
                trailing, in: Rect(x: line.maxX - trailingWidth, y: line.y, width: trailingWidth - 1, height: 1),
                alignment: .right, style: Style(.header))
        }
    }
}
