import Testing

@testable import TUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("名", 2), ("ｱ", 1), ("Ａ", 2), ("한", 2),
        ("😀", 2), ("👍🏽", 2), ("❤️", 2), ("❤", 1), ("🇯🇵", 2), ("👩‍💻", 2), ("\u{301}", 0), ("\u{200B}", 0),
    ])
    func characterTakesExpectedColumns(text: String, columns: Int) {
        #expect(text.displayWidth == columns)
    }

    @Test func mixedTextAddsColumns() {
        #expect("pod-名前-😀".displayWidth == 4 + 4 + 1 + 2)
    }

    @Test(arguments: [
        (TableColumn.Truncation.end, "coredns-7db6d8ff4d-abcde", 10, "coredns-7…"),
        (.end, "short", 10, "short"),
        (.end, "exactly10!", 10, "exactly10!"),
        (.end, "名前名前名前", 5, "名前…"),
        (.end, "名前名前名前", 6, "名前…"),
        (.end, "abc", 1, "…"),
        (.end, "abc", 0, ""),
        (.middle, "skipper-ingress-pjnqzmqchg-x2k9p", 27, "skipper-ingre…qzmqchg-x2k9p"),
        (.middle, "skipper-ingress-pjnqzmqchg-abcde", 16, "skipper-…g-abcde"),
        (.middle, "short", 10, "short"),
        (.middle, "名前名前名前", 7, "名前…前"),
        (.middle, "abc", 2, "a…"),
    ])
    func truncationMarksTheCutWithAnEllipsisWithinWidth(
        at cut: TableColumn.Truncation, text: String, width: Int, expected: String
    ) {
        let result = cut == .middle ? text.truncatedInMiddle(toWidth: width) : text.truncated(toWidth: width)
        #expect(result == expected, "the middle cut keeps the end that tells pod names apart")
        #expect(result.displayWidth <= width)
    }

    @Test(arguments: [
        (Alignment.left, "ab   "), (.right, "   ab"), (.centre, " ab  "),
    ])
    func paddingAlignsWithinWidth(alignment: Alignment, expected: String) {
        #expect("ab".padded(toWidth: 5, alignment: alignment) == expected)
    }

    @Test func paddingCountsWideCharactersAsTwoColumns() {
        #expect("名".padded(toWidth: 4, alignment: .right) == "  名")
    }
}

extension DisplayWidthTests {
    @Test(arguments: [
        (UInt32(0x4DC0), 2), (0xD7B0, 0), (0x1B000, 2), (0x16FF0, 2),
    ])
    func scalarWidthsAgreeWithGlibcAtBlockEdges(value: UInt32, columns: Int) {
        #expect(Unicode.Scalar(value).map(DisplayWidth.of) == columns)
    }
}
