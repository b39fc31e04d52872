import Foundation
import TestSupport
import Testing

@testable import ClusterModel

/// Seeded mutations of captured server responses (truncations, structural bytes, dropped and repeated ranges): the
/// fast decoder reads them through unsafe pointers, so it must never read out of bounds, must reject every truncated
/// page, and must agree with Codable whenever the mutated text is still valid JSON.
@Suite("Mutated server responses")
struct MutatedInputTests {
    static let lists: [(file: String, resource: ResourceKind)] = [
        ("pods-list-all-namespaces.json", .pods), ("nodes-list.json", .nodes), ("events-list-demo.json", .events),
        ("pods-list-demo-limit1-page1.json", .pods),
    ]

    @Test(arguments: lists.indices)
    func truncatedPagesAreRejected(index: Int) throws {
        let (file, resource) = Self.lists[index]
        let data = try Self.trimmed(Fixtures.data(file))
        var random = SeededRandom(seed: UInt64(index) + 1)
        for _ in 0..<200 {
            let cut = data.prefix(Int(random.next() % UInt64(data.count)))
            #expect(
                Self.decodes(cut, resource) == false, "\(file) cut at \(cut.count) of \(data.count) bytes was accepted")
        }
    }

    @Test(arguments: lists.indices)
    func mutatedPagesNeverCrashAndAgreeWithCodableWhenValid(index: Int) throws {
        let (file, resource) = Self.lists[index]
        let data = try Self.trimmed(Fixtures.data(file))
        var random = SeededRandom(seed: UInt64(index) + 100)
        var stillValid = 0
        for _ in 0..<400 {
            let (mutated, edit) = Self.mutate(data, &random)
            _ = Self.decodes(mutated, resource)
            // A repeated range can repeat a key: the API server never sends one twice, the scanner keeps the last
            // (as Go's decoder does) and Foundation's JSONDecoder resolves it differently, so only the other edits
            // are held to agreement.
            guard edit != .repeatRange, (try? JSONSerialization.jsonObject(with: mutated)) != nil else { continue }
            stillValid += 1
            if Self.agree(mutated, resource) == false {
                let diff =
                    zip(data, mutated).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(data.count, mutated.count)
                let context = String(
                    decoding: mutated[max(0, diff - 60)..<min(mutated.count, diff + 60)], as: UTF8.self)
                Issue.record(
                    "\(file): fast and Codable decoders disagree on valid JSON changed at byte \(diff): …\(context.replacingOccurrences(of: "\n", with: "⏎"))…"
                )
            }
        }
        #expect(stillValid > 0, "some mutations should stay valid JSON, or the agreement check proves nothing")
    }

    @Test(arguments: ["pods-watch-demo.ndjson", "pods-watchlist-sendinitialevents.ndjson"])
    func mutatedWatchLinesNeverCrash(file: String) throws {
        var random = SeededRandom(seed: 7)
        for line in try Fixtures.data(file).split(separator: 10) {
            let data = Data(line)
            for _ in 0..<100 {
                let (mutated, _) = Self.mutate(data, &random)
                let fast = ResourceDecoding.scanWatchEvent(PodSummary.self, from: mutated, resource: .pods)
                let reference = try? JSONDecoder().decode(WatchEvent<PodSummary>.self, from: mutated)
                if let fast, let reference { #expect(fast.resourceVersion == reference.resourceVersion) }
            }
        }
    }

    @Test func randomQuantitiesAndTimesNeverCrash() {
        var random = SeededRandom(seed: 42)
        let quantityAlphabet = Array("0123456789.+-eEmkKMGTPi \u{0}\u{FF}".utf8)
        let timeAlphabet = Array("0123456789-:TZz.+ ".utf8)
        for _ in 0..<5000 {
            let quantity = (0..<Int(random.next() % 12)).map { _ in
                quantityAlphabet[Int(random.next() % UInt64(quantityAlphabet.count))]
            }
            if let value = quantity.withUnsafeBufferPointer(Quantity.parse(bytes:)), quantity.allSatisfy({ $0 < 0x80 })
            {
                #expect(Quantity.parse(String(decoding: quantity, as: UTF8.self)) == value)
            }
            var time = Array("2026-11-21T10:09:01.250Z".utf8)
            for _ in 0..<Int(random.next() % 4) {
                let position = Int(random.next() % UInt64(time.count + 1))
                if position == time.count || random.next() % 2 == 0 {
                    time.insert(timeAlphabet[Int(random.next() % UInt64(timeAlphabet.count))], at: position)
                } else {
                    time.remove(at: position)
                }
            }
            _ = time.withUnsafeBufferPointer(KubeTime.parse(bytes:))
        }
    }

    // MARK: - Helpers

    /// Whether the page decodes (by the fast path or the Codable fallback).
    static func decodes(_ data: Data, _ resource: ResourceKind) -> Bool {
        switch resource {
        case .pods: return (try? ResourceDecoding.decodeList(PodSummary.self, from: data, resource: resource)) != nil
        case .nodes: return (try? ResourceDecoding.decodeList(NodeSummary.self, from: data, resource: resource)) != nil
        default: return (try? ResourceDecoding.decodeList(EventSummary.self, from: data, resource: resource)) != nil
        }
    }

    /// False only when both decoders accept the page and read different items.
    static func agree(_ data: Data, _ resource: ResourceKind) -> Bool {
        func same<T: ScannableObject & Equatable>(_ type: T.Type) -> Bool {
            guard let fast = ResourceDecoding.scanList(T.self, from: data, resource: resource),
                let reference = try? ResourceDecoding.decode(ObjectList<T>.self, from: data, resource: resource)
            else { return true }
            return fast.items == reference.items
        }
        switch resource {
        case .pods: return same(PodSummary.self)
        case .nodes: return same(NodeSummary.self)
        default: return same(EventSummary.self)
        }
    }

    static func trimmed(_ data: Data) -> Data {
        var end = data.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(data[end - 1]) { end -= 1 }
        return data.prefix(end)
    }

    enum Edit { case replaceByte, dropRange, repeatRange }

    /// One random edit: a structural or odd byte written somewhere, a range dropped, or a range repeated.
    static func mutate(_ data: Data, _ random: inout SeededRandom) -> (Data, Edit) {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return (data, .replaceByte) }
        let position = Int(random.next() % UInt64(bytes.count))
        let length = min(bytes.count - position, 1 + Int(random.next() % 40))
        switch random.next() % 3 {
        case 0:
            let replacements = Array("\"\\{}[],:0-tn ".utf8) + [0x00, 0xFF, 0xC3]
            bytes[position] = replacements[Int(random.next() % UInt64(replacements.count))]
            return (Data(bytes), .replaceByte)
        case 1:
            bytes.removeSubrange(position..<(position + length))
            return (Data(bytes), .dropRange)
        default:
            bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
            return (Data(bytes), .repeatRange)
        }
    }
}

/// SplitMix64: reproducible randomness for generated test inputs.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
