import Testing

@testable import TUI

@Suite struct ScreenTests {
    @Test func textIsClippedToTheRectangle() {
        var screen = Screen(size: Size(width: 10, height: 2))
        screen.put("hello world", x: 2, y: 0, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(screen.textLines() == ["  hell    ", "          "])
    }

    @Test func textStartingLeftOfTheClipShowsOnlyTheVisiblePart() {
        var screen = Screen(size: Size(width: 6, height: 1))
        screen.put("abcdef", x: -2, y: 0)
        #expect(screen.textLines() == ["cdef  "])
    }

    @Test func wideCharacterTakesTwoCellsAndSnapshotKeepsColumns() {
        var screen = Screen(size: Size(width: 6, height: 1))
        screen.put("名a😀", x: 0, y: 0)
        #expect(screen[0, 0].character == "名")
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 0].character == "a")
        #expect(screen[4, 0].isContinuation)
        #expect(screen.snapshot() == "|名a😀 |\n")
    }

    @Test func wideCharacterStraddlingTheRightEdgeIsNotDrawnHalf() {
        var screen = Screen(size: Size(width: 5, height: 1))
        screen.put("ab名", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(screen.textLines() == ["ab   "])
        #expect(!screen[3, 0].isContinuation)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var screen = Screen(size: Size(width: 3, height: 1))
        screen.put("e\u{301}x", x: 0, y: 0)
        #expect(screen.textLines() == ["e\u{301}x "])
    }

    @Test func overwritingHalfOfAWideCharacterClearsTheOtherHalf() {
        var screen = Screen(size: Size(width: 4, height: 1))
        screen.put("名名", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.textLines() == [" x名"])
        screen.put("y", x: 2, y: 0)
        #expect(screen.textLines() == [" xy "])
    }

    @Test func controlCharactersAreDrawnAsSpaces() {
        var screen = Screen(size: Size(width: 5, height: 1))
        screen.put("a\tb\nc", x: 0, y: 0)
        #expect(screen.textLines() == ["a b c"])
    }

    @Test func putInRectTruncatesAndAligns() {
        var screen = Screen(size: Size(width: 8, height: 2))
        screen.put("coredns-abc", in: Rect(x: 0, y: 0, width: 8, height: 1))
        screen.put("42", in: Rect(x: 0, y: 1, width: 8, height: 1), alignment: .right)
        #expect(screen.textLines() == ["coredns…", "      42"])
    }

    @Test func boxDrawsBorderAndTitle() {
        var screen = Screen(size: Size(width: 12, height: 4))
        screen.box(screen.bounds, title: "Pods")
        #expect(
            screen.snapshot() == """
                |┌─ Pods ───┐|
                |│          │|
                |│          │|
                |└──────────┘|

                """)
    }

    @Test func fillUsesStyle() {
        var screen = Screen(size: Size(width: 3, height: 2))
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: "#", style: Style(.header))
        #expect(screen.textLines() == [" ##", " ##"])
        #expect(screen[1, 1].style == Style(.header))
        #expect(screen[0, 1].style == .normal)
    }

    @Test func diffListsOnlyChangedCells() {
        var before = Screen(size: Size(width: 4, height: 2))
        before.put("abcd", x: 0, y: 0)
        var after = before
        after.put("X", x: 2, y: 1)
        #expect(after.changes(from: before) == [CellChange(x: 2, y: 1, cell: Cell("X"))])
    }

    @Test func diffAgainstNothingOrADifferentSizeListsEveryCell() {
        let screen = Screen(size: Size(width: 3, height: 2))
        #expect(screen.changes(from: nil).count == 6)
        #expect(screen.changes(from: Screen(size: Size(width: 2, height: 2))).count == 6)
    }

    @Test func diffIncludesTheLeftHalfOfAChangedWideCharacter() {
        var before = Screen(size: Size(width: 4, height: 1))
        before.put("名", x: 0, y: 0, style: Style(.row))
        var after = Screen(size: Size(width: 4, height: 1))
        after.put("名", x: 0, y: 0, style: Style(.rowSelected))
        #expect(after.changes(from: before).map(\.x) == [0, 1])
    }
}

extension ScreenTests {
    @Test func wideCharacterStraddlingTheLeftEdgeLeavesABlank() {
        var screen = Screen(size: Size(width: 4, height: 1))
        screen.put("xxxx", x: 0, y: 0)
        screen.put("名b", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(screen.textLines() == ["x bx"])
    }
}
