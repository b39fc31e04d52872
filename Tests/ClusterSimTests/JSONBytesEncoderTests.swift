import Foundation
import Testing

@testable import ClusterSim

/// The store's encoder must mean exactly what Foundation's `JSONEncoder` writes, for every object a scenario stores.
@Suite("JSON bytes encoder")
struct JSONBytesEncoderTests {
    static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    @Test(arguments: ScenarioCatalog.all.map(\.name))
    func everyStoredObjectEncodesToWhatFoundationWrites(scenario: String) async throws {
        let sim = try SimHarness(scenario, options: ScenarioOptions(nodes: 5, pods: 40, churnPerSecond: 2))
        await sim.cluster.advance(bySeconds: 200)
        let mismatches = await sim.cluster.encodingMismatches()
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    struct Sample: Codable, Equatable {
        var text: String
        var number: Int64?
        var small: Int8
        var unsigned: UInt64
        var ratio: Double
        var flags: [Bool]
        var nested: [String: [Int32]]
        var labels: [String: String]?
        var time: Timestamp?
        var optionalNil: String?
        var empty: [String]
    }

    @Test(
        "strings, numbers, nesting and maps mean the same as Foundation's encoding",
        arguments: [
            "plain", "quote \" backslash \\ slash /", "line\nbreak\ttab\r\u{8}\u{C}", "control \u{1} \u{1F}",
            "unicode é 漢字 🚀", "",
        ])
    func samplesMeanTheSame(text: String) throws {
        let sample = Sample(
            text: text, number: -9_223_372_036_854_775_807, small: -8, unsigned: UInt64.max, ratio: 0.25,
            flags: [true, false], nested: ["a": [1, -2], "b": []], labels: ["z": text, "a": "1"],
            time: Timestamp(seconds: 1_795_251_600), optionalNil: nil, empty: [])
        let ours = try JSONBytesEncoder().encode(sample)
        let theirs = try Self.foundation.encode(sample)
        #expect(try JSONValue(parsing: Data(ours)) == JSONValue(parsing: theirs))
        #expect(try JSONDecoder().decode(Sample.self, from: Data(ours)) == sample)
    }

    @Test func stringMapsAreWrittenInKeyOrder() throws {
        let bytes = try JSONBytesEncoder().encode(["b": "2", "c": "3", "a": "1"])
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":"1","b":"2","c":"3"}"#)
    }

    @Test func nonFiniteNumbersAreRefusedAsFoundationRefusesThem() {
        #expect(throws: EncodingError.self) { try JSONBytesEncoder().encode([Double.nan]) }
    }

    /// A type that encodes through explicitly nested containers and a super encoder.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, list, after }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try outer.encode(1, forKey: .after)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            var inner = list.nestedUnkeyedContainer()
            try inner.encode(true)
            try container.encode("end", forKey: .after)
            try Timestamp(seconds: 0).encode(to: container.superEncoder())
        }
    }

    @Test func explicitlyNestedContainersAndSuperEncodersMeanTheSame() throws {
        let ours = try JSONBytesEncoder().encode(Nested())
        #expect(try JSONValue(parsing: Data(ours)) == JSONValue(parsing: Self.foundation.encode(Nested())))
    }
}

extension SimCluster {
    /// Keys of stored objects whose store encoding differs in meaning from Foundation's.
    func encodingMismatches() -> [String] {
        var mismatches: [String] = []
        for resource in ResourceType.stored {
            guard let table = world.store.table(resource) else { continue }
            for key in table.sortedKeys {
                guard let stored = table.objects[key] else { continue }
                let theirs = (try? JSONBytesEncoderTests.foundation.encode(stored.object)).flatMap {
                    try? JSONValue(parsing: $0)
                }
                if (try? JSONValue(parsing: Data(stored.json))) != theirs || theirs == nil {
                    mismatches.append("\(resource.plural)/\(key)")
                }
            }
        }
        return mismatches
    }
}
