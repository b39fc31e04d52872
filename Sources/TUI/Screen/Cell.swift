/// One column of the screen.
///
/// A wide character (CJK, most emoji) occupies its cell and the cell to its right;
/// that second cell is a continuation and holds no character of its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn in this cell (a space when blank).
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .normal) {
        self.character = character
        self.style = style
        self.isContinuation = false
    }

    /// The right half of a wide character drawn with `style`.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    public static let blank = Cell()
}
