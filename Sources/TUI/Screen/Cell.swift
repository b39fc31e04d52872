/// Text attributes a cell or a theme role can carry.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// How a cell is drawn: a semantic role (coloured by the theme) plus extra attributes.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var attributes: TextAttributes

    public init(_ role: Role = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = Style()
}

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
