/// A terminal colour by name; `terminalDefault` keeps the terminal's own colour.
public enum Colour: String, CaseIterable, Hashable, Sendable {
    case terminalDefault = "default"
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack = "bright-black"
    case brightRed = "bright-red"
    case brightGreen = "bright-green"
    case brightYellow = "bright-yellow"
    case brightBlue = "bright-blue"
    case brightMagenta = "bright-magenta"
    case brightCyan = "bright-cyan"
    case brightWhite = "bright-white"

    /// The curses colour number when the terminal has `colours` colours (-1 is the default colour).
    ///
    /// Bright colours fall back to their base colour on 8-colour terminals.
    public func cursesNumber(colours: Int) -> Int16 {
        guard let index = Colour.allCases.firstIndex(of: self), index > 0 else { return -1 }
        let number = Int16(index - 1)
        return number >= 8 && colours < 16 ? number - 8 : number
    }
}

extension TextAttributes {
    /// Attribute names as written in theme files.
    static let names: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "reverse": .reverse, "underline": .underline, "italic": .italic,
    ]
}
