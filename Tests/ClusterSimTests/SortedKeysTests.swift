import Testing

@testable import ClusterSim

/// The chunked key order must behave exactly as one sorted array does, across chunk splits and emptied chunks.
@Suite("Sorted keys")
struct SortedKeysTests {
    @Test(arguments: [1, 7, 42])
    func insertsAndRemovalsKeepTheOrderOfOneSortedArray(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var keys = SortedKeys()
        var reference: [String] = []
        for step in 0..<12_000 {
            let key = "ns-\(random.next() % 7)/pod-\(random.next() % 5_000)"
            if step % 3 == 2,
                let victim = reference.isEmpty ? nil : reference[Int(random.next() % UInt64(reference.count))]
            {
                keys.remove(victim)
                reference.removeAll { $0 == victim }
            } else {
                keys.insert(key)
                if !reference.contains(key) {
                    reference.insert(key, at: reference.firstIndex { $0 > key } ?? reference.count)
                }
            }
        }
        #expect(Array(keys) == reference)
        #expect(keys.count == reference.count)
        #expect((0..<reference.count).allSatisfy { keys[$0] == reference[$0] }, "positions match")
        for probe in ["", "ns-3/", "ns-3/pod-2", "ns-9"] {
            #expect(keys.insertionIndex(of: probe) == (reference.firstIndex { $0 >= probe } ?? reference.count))
        }
    }

    @Test func removingEveryKeyLeavesItEmptyAndUsable() {
        var keys = SortedKeys()
        for index in 0..<3_000 { keys.insert(String(format: "k%05d", index)) }
        for index in 0..<3_000 { keys.remove(String(format: "k%05d", index)) }
        #expect(keys.isEmpty)
        keys.insert("again")
        #expect(Array(keys) == ["again"])
    }
}
