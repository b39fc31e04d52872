import Testing

@testable import TUI

@Suite struct MemoryTerminalTests {
    @Test func keepsTheLastScreenAndCountsChangedCells() {
        let terminal = MemoryTerminal(size: Size(width: 4, height: 1))
        var screen = Screen(size: terminal.size)
        screen.put("ab", x: 0, y: 0)
        terminal.draw(screen)
        #expect(terminal.screen.textLines() == ["ab  "])
        #expect(terminal.lastChangeCount == 2)
        screen.put("c", x: 3, y: 0)
        terminal.draw(screen)
        #expect(terminal.lastChangeCount == 1)
    }

    @Test func playsScriptedKeysThenReportsNothing() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), input: [.key(.down)])
        terminal.type(.character("q"))
        #expect(terminal.readInput(timeout: .zero) == .key(.down))
        #expect(terminal.readInput(timeout: .zero) == .key(.character("q")))
        #expect(terminal.readInput(timeout: .zero) == nil)
    }

    @Test func resizingChangesTheSizeAndQueuesAResizeEvent() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        terminal.resize(to: Size(width: 100, height: 30))
        #expect(terminal.size == Size(width: 100, height: 30))
        #expect(terminal.readInput(timeout: .zero) == .resize)
    }

    @Test func restoringAfterSuspendRedrawsEverything() {
        let terminal = MemoryTerminal(size: Size(width: 2, height: 1))
        var screen = Screen(size: terminal.size)
        screen.put("ab", x: 0, y: 0)
        terminal.draw(screen)
        terminal.suspend()
        #expect(terminal.isSuspended)
        terminal.restore()
        terminal.draw(screen)
        #expect(terminal.lastChangeCount == 2)
    }
}

@Suite struct CursesPaletteTests {
    @Test func rolesSharingColoursShareAPair() {
        let palette = CursesPalette(theme: .builtInDefault, colours: 256, maximumPairs: 256)
        #expect(palette.pair(for: Style(.tableHeader)) == palette.pair(for: Style(.title)))
        #expect(palette.pair(for: Style(.header)) != palette.pair(for: Style(.headerStale)))
        #expect(palette.pair(for: Style(.normal)) == 0)
        #expect(Set(palette.definitions.map(\.number)).count == palette.definitions.count)
    }

    @Test func withoutColoursEveryRoleUsesTheDefaultPair() {
        let palette = CursesPalette(theme: .builtInDefault, colours: 0, maximumPairs: 0)
        #expect(palette.definitions.isEmpty)
        #expect(palette.pair(for: Style(.headerStale)) == 0)
    }

    @Test func attributesCombineTheRoleAndTheCell() {
        let palette = CursesPalette(theme: .builtInDefault, colours: 8, maximumPairs: 64)
        #expect(palette.attributes(for: Style(.row)) == 0)
        #expect(palette.attributes(for: Style(.header)) != 0)
        #expect(palette.attributes(for: Style(.row, .reverse)) != palette.attributes(for: Style(.row, .bold)))
    }
}

@Suite struct CursesCellTextTests {
    @Test(
        arguments: [
            ("a", [0x61]), ("e\u{301}", [0x65, 0x301]), ("❤️", [0x2764, 0xFE0F]),
            ("👩‍💻", [0x1F469, 0x200D]), ("🇯🇵", [0x1F1EF]),
        ] as [(Character, [Int])])
    func cellKeepsTheBaseCharacterAndZeroWidthMarksOnly(character: Character, expected: [Int]) {
        #expect(CursesTerminal.cellText(character).map { Int($0) } == expected)
    }
}
