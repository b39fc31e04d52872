import Testing

@testable import TUI

@Suite struct FormatTests {
    @Test(arguments: [
        (-5, "0s"), (0, "0s"), (45, "45s"), (119, "119s"), (150, "2m30s"), (180, "3m"), (720, "12m"),
        (3 * 3_600 - 1, "179m"), (5 * 3_600 + 20 * 60, "5h20m"), (20 * 3_600, "20h"), (3 * 86_400 + 4 * 3_600, "3d4h"),
        (30 * 86_400, "30d"), (2 * 365 * 86_400 + 10 * 86_400, "2y10d"), (9 * 365 * 86_400, "9y"),
    ])
    func agesShortenLikeKubectl(seconds: Int, text: String) {
        #expect(Age.short(seconds: seconds) == text)
    }

    @Test(
        arguments: [
            (Int64(0), "00:00:00 UTC"), (11_565, "03:12:45 UTC"), (1_763_683_200 + 86_399, "23:59:59 UTC"),
            (-1, "23:59:59 UTC"),
        ] as [(Int64, String)])
    func clockShowsUTCTime(seconds: Int64, text: String) {
        #expect(UTCClock.text(secondsSince1970: seconds) == text)
    }

    @Test(arguments: [
        (0, "          "), (5, "▌         "), (61, "██████    "), (66, "██████▌   "), (100, "██████████"),
        (150, "██████████"),
    ])
    func progressBarFillsInEighths(percent: Int, bar: String) {
        #expect(ProgressBar(label: "", completed: percent, total: 100).bar(width: 10) == bar)
    }

    @Test func progressLineShowsLabelBarAndCounts() {
        var screen = Screen(size: Size(width: 50, height: 1))
        ProgressBar(label: "Syncing pods", completed: 61_000, total: 150_000).render(in: screen.bounds, on: &screen)
        #expect(screen.textLines() == ["Syncing pods ▕███████▎          ▏ 61,000 / 150,000"])
    }
}
