import Testing

@testable import TUI

@Suite struct KeyTests {
    @Test(arguments: [
        ("j", Key.character("j")), ("G", .character("G")), ("space", .character(" ")),
        ("ctrl-d", .control("d")), ("Ctrl-D", .control("d")), ("enter", .enter), ("esc", .escape),
        ("tab", .tab), ("shift-tab", .backTab), ("up", .up), ("pgdn", .pageDown), ("f5", .function(5)),
    ])
    func keyNamesParse(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test(arguments: ["ctrl-", "ctrl-1", "f13", "hyper", ""])
    func unknownKeyNamesAreRejected(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test(arguments: [
        (Key.character("j"), "j"), (.control("d"), "^D"), (.up, "↑"), (.backTab, "S-Tab"),
        (.pageDown, "PgDn"), (.enter, "Enter"), (.character(" "), "Space"), (.function(2), "F2"),
    ])
    func keysAreLabelledForHelp(key: Key, label: String) {
        #expect(key.description == label)
    }

    // Codes from ncurses' curses.h: KEY_DOWN 0402, KEY_UP 0403, KEY_F0 0410, KEY_NPAGE 0522,
    // KEY_BTAB 0541, KEY_RESIZE 0632.
    @Test(arguments: [
        (UInt32(0o403), TerminalInput.key(.up)), (0o402, .key(.down)), (0o522, .key(.pageDown)),
        (0o541, .key(.backTab)), (0o632, .resize), (0o410 + 3, .key(.function(3))),
    ])
    func cursesKeyCodesMapToKeys(code: UInt32, input: TerminalInput) {
        #expect(TerminalInput(curses: code, isKeyCode: true) == input)
    }

    @Test(arguments: [
        (UInt32(10), TerminalInput.key(.enter)), (27, .key(.escape)), (9, .key(.tab)), (127, .key(.backspace)),
        (4, .key(.control("d"))), (0x6A, .key(.character("j"))), (0x540D, .key(.character("名"))),
    ])
    func cursesCharactersMapToKeys(code: UInt32, input: TerminalInput) {
        #expect(TerminalInput(curses: code, isKeyCode: false) == input)
    }

    @Test func unusedCursesCodesAreIgnored() {
        #expect(TerminalInput(curses: 0o777, isKeyCode: true) == nil)
    }

    @Test func actionNamesRoundTrip() {
        for action in Action.all {
            #expect(Action(name: action.name) == action)
        }
        #expect(Action(name: "pane3") == .pane(3))
        #expect(Action(name: "pane9") == nil)
    }
}
