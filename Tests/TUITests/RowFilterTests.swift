import Testing

@testable import TUI

@Suite struct RowFilterTests {
    @Test(arguments: [
        ("coredns", RowFilter(text: "coredns")),
        ("ns:kube-system", RowFilter(namespace: "kube-system")),
        ("node:w1 ns:shop api  v2", RowFilter(text: "api v2", namespace: "shop", node: "w1")),
        ("ns: x", RowFilter(text: "ns: x")),
        ("", RowFilter.none),
    ])
    func prefixesAreParsed(input: String, filter: RowFilter) {
        #expect(RowFilter(parsing: input) == filter)
    }

    @Test func filterRoundTripsThroughItsInput() {
        let filter = RowFilter(text: "api", namespace: "shop", node: "w1")
        #expect(RowFilter(parsing: filter.input) == filter)
    }
}
