/// A key the user pressed, independent of curses key codes.
public enum Key: Hashable, Sendable {
    /// A printable character (including space).
    case character(Character)
    /// Control plus a letter, stored lowercase (`ctrl-d` is `.control("d")`).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// A function key `F1`... `F12`.
    case function(Int)
}

extension Key: CustomStringConvertible {
    /// The key as shown in help and footers: `j`, `^D`, `↑`, `S-Tab`, `PgDn`.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "^" + letter.uppercased()
        case .function(let number): "F\(number)"
        default: Key.labels[self] ?? ""
        }
    }

    private static let labels: [Key: String] = [
        .enter: "Enter", .escape: "Esc", .tab: "Tab", .backTab: "S-Tab", .backspace: "Bksp",
        .delete: "Del", .insert: "Ins", .up: "↑", .down: "↓", .left: "←", .right: "→",
        .home: "Home", .end: "End", .pageUp: "PgUp", .pageDown: "PgDn",
    ]
}

extension Key {
    /// Parses a key as written in `keys.yaml`: `j`, `G`, `space`, `ctrl-d`, `enter`, `esc`,
    /// `tab`, `shift-tab`, `up`, `pgdn`, `f1`.
    public init?(name: String) {
        let lowered = name.lowercased()
        if name.count == 1, let character = name.first {
            self = .character(character)
        } else if let key = Key.names[lowered] {
            self = key
        } else if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, letter.isLetter,
            letter.isASCII
        {
            self = .control(letter)
        } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }

    private static let names: [String: Key] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
        "delete": .delete, "insert": .insert, "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]
}
