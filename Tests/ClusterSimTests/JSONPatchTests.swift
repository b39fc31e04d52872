import Foundation
import Testing

@testable import ClusterSim

/// RFC 6902 JSON patch: each operation, and the errors that name the failing operation.
@Suite("JSON patch")
struct JSONPatchTests {
    static let document = #"{"metadata":{"labels":{"app":"web"}},"spec":{"list":["a","b"],"replicas":2}}"#

    @Test(
        "each operation changes the document as RFC 6902 says",
        arguments: [
            (
                #"[{"op":"add","path":"/metadata/labels/tier","value":"front"}]"#, ["metadata", "labels", "tier"],
                #""front""#
            ),
            (#"[{"op":"add","path":"/spec/list/1","value":"x"}]"#, ["spec", "list"], #"["a","x","b"]"#),
            (#"[{"op":"add","path":"/spec/list/-","value":"z"}]"#, ["spec", "list"], #"["a","b","z"]"#),
            (#"[{"op":"remove","path":"/spec/list/0"}]"#, ["spec", "list"], #"["b"]"#),
            (#"[{"op":"replace","path":"/spec/replicas","value":5}]"#, ["spec", "replicas"], "5"),
            (
                #"[{"op":"move","from":"/metadata/labels","path":"/spec/labels"}]"#, ["spec", "labels"],
                #"{"app":"web"}"#
            ),
            (#"[{"op":"copy","from":"/spec/replicas","path":"/spec/copied"}]"#, ["spec", "copied"], "2"),
            (
                #"[{"op":"test","path":"/spec/replicas","value":2.0},{"op":"replace","path":"/spec/replicas","value":3}]"#,
                ["spec", "replicas"], "3"
            ),
            (#"[{"op":"add","path":"/metadata/annotations~1x","value":"1"}]"#, ["metadata", "annotations/x"], #""1""#),
        ]
    )
    func operationsApply(patch: String, path: [String], expected: String) throws {
        let result = try JSONFixture.parse(Self.document).applyingJSONPatch(try JSONFixture.parse(patch))
        #expect(result[path: path] == (try JSONFixture.parse(expected)))
    }

    @Test("a move removes the source")
    func moveRemovesTheSource() throws {
        let result = try JSONFixture.parse(Self.document).applyingJSONPatch(
            try JSONFixture.parse(#"[{"op":"move","from":"/metadata/labels","path":"/spec/labels"}]"#))
        #expect(result[path: ["metadata", "labels"]] == nil)
    }

    @Test(
        "a failing operation is named by its index and nothing is applied",
        arguments: [
            (
                #"[{"op":"replace","path":"/spec/missing","value":1}]"#,
                "json patch op 0 (replace): path \"/spec/missing\" does not exist"
            ),
            (
                #"[{"op":"add","path":"/spec/replicas","value":1},{"op":"test","path":"/spec/replicas","value":9}]"#,
                "json patch op 1 (test)"
            ),
            (#"[{"op":"jump","path":"/a"}]"#, "json patch op 0 (jump): unknown operation"),
            (#"[{"path":"/a"}]"#, "missing string member \"op\""),
            (#"[{"op":"add","path":"/a"}]"#, "missing member \"value\""),
            (#"[{"op":"remove","path":"/spec/list/7"}]"#, "json patch op 0 (remove)"),
            (#"{"op":"add"}"#, "json patch body must be a JSON array of operations, got object"),
        ]
    )
    func failuresNameTheOperation(patch: String, message: String) throws {
        #expect {
            _ = try JSONFixture.parse(Self.document).applyingJSONPatch(try JSONFixture.parse(patch))
        } throws: { error in
            (error as? PatchError)?.description.contains(message) == true
        }
    }
}
