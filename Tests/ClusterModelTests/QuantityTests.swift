import Foundation
import Testing

@testable import ClusterModel

@Suite("Quantities and timestamps")
struct QuantityTests {
    static let valid: [(String, Int64)] = [
        ("100m", 100), ("1.5", 1500), ("1", 1000), ("0.5", 500), ("2k", 2_000_000), ("1e3", 1_000_000),
        ("500M", 500_000_000_000), ("170Mi", 170 * 1_048_576 * 1000), ("1Gi", 1_073_741_824_000),
        ("128974848", 128_974_848_000), ("129e6", 129_000_000_000), ("123Ki", 125_952_000), ("0.1m", 1),
        ("-1", -1000), ("3800m", 3800), ("1.5Gi", 1_610_612_736_000), ("+5", 5000), ("007", 7000), (".5", 500),
        ("1e-3", 1), ("0.0005", 1), ("1.", 1000), ("2E3", 2_000_000), ("2P", 2_000_000_000_000_000_000),
    ]

    @Test(arguments: valid)
    func quantityParsesToThousandths(text: String, milli: Int64) throws {
        #expect(try Quantity(parsing: text).milliValue == milli)
    }

    @Test func memoryQuantitiesReadAsBytes() throws {
        #expect(try Quantity(parsing: "170Mi").bytes == 178_257_920)
        #expect(try Quantity(parsing: "15700488Ki").bytes == 16_077_299_712)
    }

    @Test(arguments: [
        "", "abc", "1.2.3", "12Qi", "Mi", "1e", ".", "1 Gi", "--1", "99999999999999999999Ei", "1.2.", "1e+", "1Mx",
        "10Ki ",
    ])
    func garbageQuantityIsAnError(text: String) {
        #expect(throws: QuantityError.invalid(text)) { try Quantity(parsing: text) }
    }

    @Test func quantityErrorSaysWhatIsExpected() {
        #expect(QuantityError.invalid("12Qi").description.hasPrefix("Invalid quantity '12Qi'"))
    }

    static let times: [(String, Double)] = [
        ("2026-11-21T10:09:01Z", 1_795_255_741), ("1970-01-01T00:00:00Z", 0),
        ("2026-11-21T10:09:01.250000Z", 1_795_255_741.25), ("2026-11-21T12:09:01+02:00", 1_795_255_741),
    ]

    @Test(arguments: times)
    func rfc3339TimestampsParse(text: String, seconds: Double) {
        #expect(KubeTime.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["", "2026-11-21", "2026-13-01T00:00:00Z", "2026-11-21T10:09:01", "not a time at all!!"])
    func malformedTimestampsAreNil(text: String) {
        #expect(KubeTime.parse(text) == nil)
    }

    @Test func formattingRoundTrips() {
        #expect(KubeTime.format(Date(timeIntervalSince1970: 1_795_255_741)) == "2026-11-21T10:09:01Z")
    }
}
