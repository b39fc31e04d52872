import Foundation
import Testing

@testable import ClusterSim

/// Shared helpers for the JSON and patch test suites.
enum JSONFixture {
    /// Parses JSON text written inline in a test.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Data(text.utf8))
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test(
        "parsing keeps each JSON type distinct, and integers stay integers",
        arguments: [
            ("null", JSONValue.null),
            ("true", .bool(true)),
            ("false", .bool(false)),
            ("3", .int(3)),
            ("-42", .int(-42)),
            ("9223372036854775807", .int(Int64.max)),
            ("3.5", .double(3.5)),
            ("-0.25", .double(-0.25)),
            ("1e400000000000000", nil),
            ("\"hi\"", .string("hi")),
            ("[1,\"a\",null]", .array([.int(1), .string("a"), .null])),
            ("{\"replicas\":3,\"ratio\":0.5}", .object(["replicas": .int(3), "ratio": .double(0.5)])),
        ] as [(String, JSONValue?)]
    )
    func parsingKeepsTypes(text: String, expected: JSONValue?) throws {
        let parsed = try? JSONFixture.parse(text)
        #expect(parsed == expected)
    }

    @Test("an integer too large for Int64 falls back to a double")
    func hugeIntegerBecomesDouble() throws {
        #expect(try JSONFixture.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    }

    @Test(
        "garbage or truncated input is rejected as malformed with a message",
        arguments: ["", "   ", "{", "{\"a\":", "[1,2", "{\"a\" 1}", "nul", "hello", "{\"a\":1}}", "'single'"]
    )
    func malformedInputIsRejected(text: String) {
        #expect {
            _ = try JSONValue(parsing: Data(text.utf8))
        } throws: { error in
            guard case JSONError.malformed(let message) = error else { return false }
            return !message.isEmpty && (error as? JSONError)?.description.hasPrefix("malformed JSON: ") == true
        }
    }

    @Test(
        "encoding is compact with sorted keys and escaped strings",
        arguments: [
            (JSONValue.object(["b": 1, "a": [true, nil]]), #"{"a":[true,null],"b":1}"#),
            (
                .string("quote \" slash \\ newline \n tab \t bell \u{07}"),
                #""quote \" slash \\ newline \n tab \t bell \u0007""#
            ),
            (.string("/path/ünïcødé"), #""/path/ünïcødé""#),
            (.double(0.5), "0.5"),
            (.double(.infinity), "null"),
            (.int(-7), "-7"),
            (.object([:]), "{}"),
            (.array([]), "[]"),
        ]
    )
    func encodingIsCompact(value: JSONValue, expected: String) {
        #expect(String(decoding: value.encoded(), as: UTF8.self) == expected)
        #expect(value.jsonText == expected)
    }

    @Test("encoding then parsing gives back the same value")
    func roundTrip() throws {
        let original: JSONValue = [
            "metadata": ["name": "web", "labels": ["app": "web"]],
            "spec": ["replicas": 3, "paused": false, "ratio": 0.75, "args": ["--port=80", "--v=2"], "none": nil],
            "text": "line1\nline2 \u{1F}",
        ]
        #expect(try JSONValue(parsing: original.encoded()) == original)
    }

    @Test("accessors return the payload only for the matching case")
    func accessors() {
        let value: JSONValue = [
            "name": "web", "replicas": 3, "ratio": 0.5, "ready": true, "ports": [80, 443], "gone": nil,
        ]
        #expect(value["name"]?.stringValue == "web")
        #expect(value["replicas"]?.intValue == 3)
        #expect(value["replicas"]?.doubleValue == 3)
        #expect(value["ratio"]?.doubleValue == 0.5)
        #expect(value["ratio"]?.intValue == nil)
        #expect(value["ready"]?.boolValue == true)
        #expect(value["ports"]?.arrayValue == [80, 443])
        #expect(value["ports"]?[1] == 443)
        #expect(value["ports"]?[2] == nil)
        #expect(value["gone"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["name"]?["nested"] == nil)
        #expect(value.objectValue?.count == 6)
        #expect(JSONValue.string("x").objectValue == nil)
        #expect(JSONValue.int(1).stringValue == nil)
    }

    @Test("a key path subscript follows nested objects")
    func keyPathSubscript() {
        let value: JSONValue = ["spec": ["template": ["spec": ["nodeName": "node-a"]]]]
        #expect(value[path: ["spec", "template", "spec", "nodeName"]] == "node-a")
        #expect(value[path: ["spec", "missing", "nodeName"]] == nil)
        #expect(value[path: []] == value)
    }

    private struct Probe: Codable, Equatable {
        var name: String
        var replicas: Int
        var weight: Double
        var tags: [String]
        var owner: String?
    }

    @Test("Codable values convert to and from JSONValue")
    func codableConversion() throws {
        let probe = Probe(name: "web", replicas: 3, weight: 0.5, tags: ["a"], owner: nil)
        let value = try JSONValue(encoding: probe)
        #expect(value["name"] == "web")
        #expect(value["replicas"] == .int(3))
        #expect(value["weight"] == .double(0.5))
        #expect(try value.decode(as: Probe.self) == probe)
    }

    @Test("decoding into a type of the wrong shape throws a decodingFailed error naming the type")
    func decodingWrongShapeFails() {
        let value: JSONValue = ["name": 5]
        #expect {
            _ = try value.decode(as: Probe.self)
        } throws: { error in
            guard case JSONError.decodingFailed(let type, let message) = error else { return false }
            return type == "Probe" && !message.isEmpty
        }
    }

    @Test("JSONValue itself is Codable through Foundation coders")
    func foundationCodable() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, false]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test(
        "numeric JSON equality treats 1 and 1.0 as equal but not 1 and \"1\"",
        arguments: [
            (JSONValue.int(1), JSONValue.double(1.0), true),
            (.int(1), .string("1"), false),
            (.array([1, 2]), .array([1.0, 2]), true),
            (.object(["a": 1]), .object(["a": 1.0]), true),
            (.object(["a": 1]), .object(["b": 1]), false),
            (.array([1]), .array([1, 1]), false),
        ]
    )
    func numericEquality(lhs: JSONValue, rhs: JSONValue, equal: Bool) {
        #expect(lhs.isJSONEqual(to: rhs) == equal)
        #expect(rhs.isJSONEqual(to: lhs) == equal)
    }
}
