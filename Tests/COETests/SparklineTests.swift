import COE
import Testing

@Suite struct SparklineTests {
    @Test func aRisingSeriesClimbsFromTheLowestToTheHighestBar() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    }

    @Test func aCeilingScalesValuesBelowIt() {
        #expect(Sparkline.render([0, 50], ceiling: 100) == "▁▅")
    }
}
