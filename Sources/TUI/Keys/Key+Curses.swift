import CNcurses

extension TerminalInput {
    /// Translates what `wget_wch` returned: a key code when `isKeyCode` (`KEY_CODE_YES`),
    /// otherwise a character. Returns nil for codes Firebreak does not use.
    public init?(curses code: UInt32, isKeyCode: Bool) {
        if isKeyCode {
            guard let input = TerminalInput.keyCodes[Int32(bitPattern: code)] ?? TerminalInput.functionKey(code) else {
                return nil
            }
            self = input
            return
        }
        switch code {
        case 10, 13: self = .key(.enter)
        case 27: self = .key(.escape)
        case 9: self = .key(.tab)
        case 8, 127: self = .key(.backspace)
        case 1...26: self = .key(.control(Character(Unicode.Scalar(UInt8(code + 96)))))
        default:
            guard let scalar = Unicode.Scalar(code), code >= 32 else { return nil }
            self = .key(.character(Character(scalar)))
        }
    }

    private static func functionKey(_ code: UInt32) -> TerminalInput? {
        let number = Int(code) - Int(KEY_F0)
        return (1...12).contains(number) ? .key(.function(number)) : nil
    }

    private static let keyCodes: [Int32: TerminalInput] = [
        KEY_UP: .key(.up), KEY_DOWN: .key(.down), KEY_LEFT: .key(.left), KEY_RIGHT: .key(.right),
        KEY_HOME: .key(.home), KEY_END: .key(.end), KEY_PPAGE: .key(.pageUp), KEY_NPAGE: .key(.pageDown),
        KEY_BTAB: .key(.backTab), KEY_ENTER: .key(.enter), KEY_BACKSPACE: .key(.backspace),
        KEY_DC: .key(.delete), KEY_IC: .key(.insert), KEY_RESIZE: .resize,
    ]
}
