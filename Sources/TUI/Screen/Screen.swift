/// A grid of cells that widgets draw into; the terminal backend copies it to the tty.
public struct Screen: Hashable, Sendable {
    public let size: Size
    private var cells: [Cell]

    /// A blank screen of `size`.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y` (a blank cell outside the screen).
    public subscript(x: Int, y: Int) -> Cell {
        bounds.contains(x: x, y: y) ? cells[y * width + x] : .blank
    }

    /// All rows, top to bottom.
    var rows: [ArraySlice<Cell>] {
        (0..<height).map { cells[$0 * width..<($0 + 1) * width] }
    }

    /// Writes one cell, clearing the other half of any wide character it breaks.
    mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard bounds.contains(x: x, y: y) else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !old.isContinuation, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Draws `character` at (x, y) within `clip`; returns the columns it took (0, 1 or 2).
    ///
    /// A wide character that does not fit before the clip's right edge becomes a blank.
    @discardableResult
    mutating func putCharacter(_ character: Character, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        guard clip.contains(x: x, y: y) else { return 0 }
        let shown = Screen.printable(character)
        let columns = DisplayWidth.of(shown)
        switch columns {
        case 0:
            return 0
        case 1:
            setCell(x: x, y: y, Cell(shown, style: style))
            return 1
        default:
            guard x + 1 < clip.maxX else {
                setCell(x: x, y: y, Cell(" ", style: style))
                return 1
            }
            setCell(x: x, y: y, Cell(shown, style: style))
            setCell(x: x + 1, y: y, .continuation(style: style))
            return 2
        }
    }

    /// Control characters (tabs, newlines, escapes) are drawn as a space so they cannot move the cursor.
    private static func printable(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first,
            first.properties.generalCategory == .control
        else { return character }
        return " "
    }
}
