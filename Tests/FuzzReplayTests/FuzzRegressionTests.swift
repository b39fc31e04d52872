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
}
