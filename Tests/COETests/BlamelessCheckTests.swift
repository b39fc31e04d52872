import COE
import Testing

@Suite("Blameless check on the 5 whys")
struct BlamelessCheckTests {
    @Test(arguments: [
        ("1. Why? The limit was too low.\n2. Why? Nobody owned limits: no review of limits exists.", []),
        ("1. Why? OOM.\n2. Why? Human error.", ["stop at \"human error\""]),
        ("1. Why did it fail?\n5. Why: operator error during the deploy", ["stop at \"operator error\""]),
        ("1. Why? Pods died.\n2. Why? OOM", ["stop at the symptom \"oom\""]),
        ("1. Why? CPU high", ["stop at the symptom \"cpu high\""]),
        ("1. Why? @jsmith changed the limit.\n2. Why? No review step.", ["mention a person (@jsmith)"]),
        ("1. Why? He forgot the flag.\n2. Why? The flag has no default.", ["mention a person (\"He\")"]),
        ("", []),
    ])
    func warnsWhenTheChainStopsAtBlameOrASymptomOrNamesAPerson(_ whys: String, _ expected: [String]) {
        let warnings = BlamelessCheck.warnings(whys: whys)
        #expect(warnings.count == expected.count, "\(warnings)")
        for (warning, fragment) in zip(warnings, expected) { #expect(warning.contains(fragment), "\(warning)") }
    }

    @Test func aNameTheJournalKnowsIsAPerson() {
        let warnings = BlamelessCheck.warnings(whys: "1. Why? Alice Doe skipped the canary.", names: ["alice doe"])
        #expect(warnings == ["The 5 whys mention a person (alice doe): name roles and mechanisms, not people"])
    }
}
