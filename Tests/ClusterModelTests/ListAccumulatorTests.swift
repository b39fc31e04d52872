import Foundation
import Testing

@testable import ClusterModel

@Suite("List accumulation")
struct ListAccumulatorTests {
    /// A pod list page named `prefix-0` … `prefix-(count-1)`.
    static func page(_ prefix: String, count: Int) -> Data {
        let items = (0..<count).map {
            #"{"metadata":{"name":"\#(prefix)-\#($0)","namespace":"demo","uid":"u\#($0)"},"status":{"phase":"Running"}}"#
        }
        return Data(#"{"metadata":{"resourceVersion":"7"},"items":[\#(items.joined(separator: ","))]}"#.utf8)
    }

    @Test func pagesMergeIntoOneDictionary() async throws {
        let accumulator = ListAccumulator<PodSummary>()
        accumulator.add(Self.page("a", count: 3), resource: .pods)
        accumulator.add(Self.page("b", count: 2), resource: .pods)
        let objects = try await accumulator.take()
        #expect(Set(objects.keys.map(\.name)) == ["a-0", "a-1", "a-2", "b-0", "b-1"])
        #expect(try await accumulator.take().isEmpty, "take hands the objects over")
    }

    @Test func aDiscardedListNeverLeaksIntoTheNextOne() async throws {
        let accumulator = ListAccumulator<PodSummary>()
        // A large page still decoding when its list is discarded (a 410 on the next page, say).
        accumulator.add(Self.page("old", count: 20_000), resource: .pods)
        accumulator.discard()
        accumulator.add(Self.page("new", count: 2), resource: .pods)
        let objects = try await accumulator.take()
        #expect(Set(objects.keys.map(\.name)) == ["new-0", "new-1"])
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await accumulator.take().isEmpty, "the old page, decoded late, was dropped")
    }

    @Test func aPageThatFailsToDecodeFailsTheList() async {
        let accumulator = ListAccumulator<PodSummary>()
        accumulator.add(Self.page("a", count: 1), resource: .pods)
        accumulator.add(Data(#"{"metadata":{},"items":[{"metadata":{"name":"#.utf8), resource: .pods)
        await #expect(throws: KubeDecodeError.self) { try await accumulator.take() }
    }
}
