import Testing

@testable import FuzzTargets

@Suite("Reference quantity")
struct ReferenceQuantityTests {
    @Test(arguments: [
        ("100m", 100), ("1.5Gi", 1_610_612_736_000), (".5", 500), ("1.", 1000), ("1e3", 1_000_000), ("1E-3", 1),
        ("-1", 1000), ("+1k", 1_000_000), ("0.0001", 1), ("1e-30", 1), ("0.0000000000000000001Ei", 116),
        ("0", 0), ("000", 0), ("9223372036854775.807", Int64.max),
    ])
    func readsTheGrammarAndRoundsUpToThousandths(text: String, milli: Int64) {
        #expect(ReferenceQuantity(text)?.milliMagnitude == milli)
    }

    @Test(arguments: ["9223372036854775.808", "1e19", "10Ei", "1e9999"])
    func valuesPastInt64AreOutOfRange(text: String) throws {
        let quantity = try #require(ReferenceQuantity(text))
        #expect(quantity.milliMagnitude == nil)
    }

    @Test(arguments: ["", "+", ".", "m", "1.2.3", "1Ki2", "1ki", "1e", "1e+", "1 ", " 1", "1i", "0x10", "1e1.5"])
    func textOutsideTheGrammarIsRejected(text: String) {
        #expect(ReferenceQuantity(text) == nil)
    }
}
