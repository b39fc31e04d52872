/// The message shown instead of the console when the terminal is below `ConsoleLayout.minimum`.
public struct TooSmallMessage: Hashable, Sendable {
    public var size: Size

    public init(size: Size) {
        self.size = size
    }

    public func render(in rect: Rect, on screen: inout Screen) {
        let lines = [
            "Terminal too small",
            "\(size.width)x\(size.height), needs \(ConsoleLayout.minimum)",
        ]
        let area = rect.centred(Size(width: rect.width, height: lines.count))
        screen.fill(rect)
        for (offset, text) in lines.enumerated() {
            screen.put(text, in: area.row(offset), alignment: .centre, style: Style(offset == 0 ? .error : .normal))
        }
    }
}
