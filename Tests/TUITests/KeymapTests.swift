import Foundation
import Testing

@testable import TUI

@Suite struct KeymapTests {
    let keymap = Keymap.defaults

    @Test(arguments: [
        (Key.character("j"), Action.moveDown), (.down, .moveDown), (.character("k"), .moveUp), (.character("g"), .top),
        (.character("G"), .bottom), (.pageDown, .pageDown), (.tab, .nextPane), (.backTab, .previousPane),
        (.character("3"), .pane(3)), (.character("/"), .filter), (.character(":"), .command), (.character("s"), .sort),
        (.enter, .detail), (.character("?"), .help), (.character("q"), .quit),
    ])
    func defaultKeysResolveInTables(key: Key, action: Action) {
        #expect(keymap.resolve(key, in: .table) == .action(action))
    }

    @Test func everyActionHasADefaultBinding() {
        for action in Action.all {
            #expect(keymap.binding(for: action)?.keys.isEmpty == false, "\(action.name)")
        }
    }

    @Test func keysOutsideTheirContextsAreUnbound() {
        #expect(keymap.resolve(.character("/"), in: .help) == .unbound)
        #expect(SampleRunbooks.keymap.resolve(.character("m"), in: .help) == .unbound)
        #expect(keymap.resolve(.escape, in: .detail) == .action(.back))
    }

    @Test func readOnlyConsoleDisablesRunbookKeysWithAReason() {
        let resolution = SampleRunbooks.keymap.readOnly().resolve(.character("x"), in: .table)
        #expect(resolution == .disabled(.runbook("delete-pod"), reason: "console is read-only"))
        #expect(
            TUIError.keyDisabled(key: .character("d"), reason: "console is read-only").description
                == "Key 'd' is disabled: console is read-only")
        #expect(keymap.readOnly().resolve(.character("j"), in: .table) == .action(.moveDown))
    }

    @Test func userOverridesReplaceDefaultsAndTakeKeysFromOtherActions() throws {
        let yaml = "moveDown: [n, down]\ntop: j\n"
        let custom = try KeymapLoader.apply(yaml, path: "keys.yaml", to: keymap)
        #expect(custom.resolve(.character("n"), in: .table) == .action(.moveDown))
        #expect(custom.resolve(.character("j"), in: .table) == .action(.top))
        #expect(custom.resolve(.character("g"), in: .table) == .unbound)
    }

    @Test(arguments: [
        ("moveDown: j\nmoveSideways: x\n", "keys.yaml:2: unknown action 'moveSideways'"),
        ("quit:\n  - q\n  - hyper-q\n", "keys.yaml:3: unknown key 'hyper-q' for key 'quit'"),
        ("top: t\nbottom: t\n", "keys.yaml:2: key 't' is bound to both 'top' and 'bottom'"),
        ("[1, 2]\n", "keys.yaml:1: expected a mapping at the top level"),
    ])
    func brokenOverridesNameFileAndLine(yaml: String, message: String) {
        do {
            _ = try KeymapLoader.apply(yaml, path: "keys.yaml", to: keymap)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func missingOverridesFileKeepsDefaults() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).yaml").path
        #expect(try KeymapLoader.load(path: path, into: keymap) == keymap)
    }

    @Test func overridesFileIsReadFromItsPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID()).yaml")
        try "quit: Q\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let custom = try KeymapLoader.load(path: url.path, into: keymap)
        #expect(custom.resolve(.character("Q"), in: .table) == .action(.quit))
    }

    @Test func overridesPathFollowsXDGThenHome() {
        #expect(
            KeymapLoader.defaultPath(environment: ["HOME": "/home/oncall"])
                == "/home/oncall/.config/firebreak/keys.yaml")
        #expect(
            KeymapLoader.defaultPath(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/cfg"])
                == "/cfg/firebreak/keys.yaml")
    }

    @Test func helpIsGroupedAndExplainsDisabledKeys() {
        let lines = SampleRunbooks.keymap.readOnly().helpLines(for: .table, width: 200)
        #expect(lines.first == HelpLine(text: "Navigation", kind: .heading))
        #expect(lines.contains(HelpLine(text: "  ↓/j      Move down", kind: .binding)))
        #expect(
            lines.contains {
                $0.kind == .disabled && $0.text.hasSuffix("Delete the pod (disabled: console is read-only)")
            })
    }

    @Test func helpLinesFitTheWidth() {
        for line in keymap.helpLines(for: .table, width: 30) {
            #expect(line.text.displayWidth <= 30)
        }
    }

    @Test func footerHintsComeFromTheKeymapAndFitTheWidth() {
        let hints = keymap.footerHints(for: .table, width: 36)
        #expect(hints.map(\.key) == ["Tab", "/", ":", "s"])
        #expect(hints.map(\.label) == ["pane", "filter", "cmd", "sort"])
        let help = keymap.footerHints(for: .help, width: 80)
        #expect(help.map(\.label) == ["back", "help", "quit"])
    }
}
