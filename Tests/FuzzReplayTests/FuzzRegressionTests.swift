import ClusterModel
import Foundation
import Testing

/// The failures fuzzing found, each pinned by the input it found (also kept in `Fuzz/Corpus`) and the fix's effect.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// `quantity`: many digits before a binary suffix overflowed the 64-bit product before the division by ten that
    /// brings it back into range, so valid quantities were refused.
    @Test(arguments: [
        ("1.000000000000005Gi", 1_073_741_824_001), ("1.30002Pi", 1_463_692_396_893_548_053),
        (".00184467440700000051Ei", 2_126_764_792_828_183_802), ("-1.000000000000005Gi", -1_073_741_824_001),
    ])
    func manyDigitsBeforeABinarySuffixStillParse(text: String, milli: Int64) throws {
        #expect(try Quantity(parsing: text).milliValue == milli)
    }

    @Test(arguments: ["9.000000000000005Ei", "1.000000000000000001Ei"])
    func binarySuffixedValuesPastInt64AreStillRefused(text: String) {
        #expect(throws: QuantityError.self) { try Quantity(parsing: text) }
    }

    /// `prometheus`: the parser walked Characters, and a label value starting with a combining mark (U+0301) or ending
    /// with a prepended one (U+0600) fused with its quote into one Character, so the sample was dropped.
    @Test(arguments: [
        (#"m{l="\#u{301}abc",k="v"} 2"#, "\u{301}abc"), (#"m{l="abc\#u{600}",k="v"} 2"#, "abc\u{600}"),
        (#"m{l="e\#u{301}\"\#u{301}",k="v"} 2"#, "e\u{301}\"\u{301}"), (#"m{l="\#u{1F1EB}\#u{1F1F7}",k="v"} 2"#, "🇫🇷"),
    ])
    func labelValuesWithMarksNextToTheirQuotesAreRead(line: String, value: String) {
        #expect(PrometheusText.parse(line) == [PrometheusSample(name: "m", labels: ["l": value, "k": "v"], value: 2)])
    }
}
