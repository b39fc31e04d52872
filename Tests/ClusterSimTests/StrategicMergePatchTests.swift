import Foundation
import Testing

@testable import ClusterSim

/// Strategic merge patch as kube-apiserver applies it to built-in types: lists merge by key, directives never remain.
@Suite("Strategic merge patch")
struct StrategicMergePatchTests {
    static let deployment = """
        {"spec":{"template":{"spec":{"containers":[
          {"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
          {"name":"sidecar","image":"proxy:1"}],
          "tolerations":[{"key":"a","operator":"Exists"}]}}},
         "metadata":{"finalizers":["x"],"labels":{"app":"web","tier":"front"}}}
        """

    static func apply(_ patch: String, to original: String = deployment) throws -> JSONValue {
        try JSONFixture.parse(original).applyingStrategicMergePatch(try JSONFixture.parse(patch))
    }

    @Test(
        "lists merge by their key, maps merge, null deletes, other lists are replaced",
        arguments: [
            (
                #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:2"}]}}}}"#,
                ["spec", "template", "spec", "containers"],
                #"[{"name":"web","image":"web:2","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"sidecar","image":"proxy:1"}]"#
            ),
            (
                #"{"spec":{"template":{"spec":{"containers":[{"name":"debug","image":"busybox"}]}}}}"#,
                ["spec", "template", "spec", "containers"],
                #"[{"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"sidecar","image":"proxy:1"},{"name":"debug","image":"busybox"}]"#
            ),
            (
                #"{"metadata":{"labels":{"tier":null,"team":"a"}}}"#, ["metadata", "labels"],
                #"{"app":"web","team":"a"}"#
            ),
            (#"{"metadata":{"finalizers":["y","x"]}}"#, ["metadata", "finalizers"], #"["x","y"]"#),
            (
                #"{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}}"#,
                ["spec", "template", "spec", "tolerations"], #"[{"key":"b","operator":"Exists"}]"#
            ),
        ]
    )
    func mergesByTheSchema(patch: String, path: [String], expected: String) throws {
        #expect(try Self.apply(patch)[path: path] == (try JSONFixture.parse(expected)))
    }

    @Test("$setElementOrder puts the named elements first in its order and leaves no directive behind")
    func setElementOrderReorders() throws {
        let patch = """
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"web"}],
             "containers":[{"name":"web","resources":{"limits":{"memory":"400Mi"}}}]}}}}
            """
        let result = try Self.apply(patch)
        let containers = result[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.map { $0["name"] } == ["sidecar", "web"])
        #expect(containers[1][path: ["resources", "limits", "memory"]] == "400Mi")
        #expect(containers[1]["image"] == "web:1")
        #expect(!result.encodedText.contains("$setElementOrder"))
    }

    @Test("$patch: delete removes one keyed element, and a whole map when it stands in one")
    func patchDeleteRemoves() throws {
        let element = try Self.apply(
            #"{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}"#)
        #expect(element[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.map { $0["name"] } == ["web"])
        let map = try Self.apply(#"{"metadata":{"labels":{"$patch":"delete"}}}"#)
        #expect(map[path: ["metadata", "labels"]] == .object([:]))
    }

    @Test("$patch: replace replaces a keyed list or a map instead of merging it")
    func patchReplaceReplaces() throws {
        let list = try Self.apply(
            #"{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"o:1"}]}}}}"#)
        #expect(
            list[path: ["spec", "template", "spec", "containers"]]
                == (try JSONFixture.parse(#"[{"name":"only","image":"o:1"}]"#)))
        let map = try Self.apply(#"{"metadata":{"labels":{"$patch":"replace","new":"1"}}}"#)
        #expect(map[path: ["metadata", "labels"]] == (try JSONFixture.parse(#"{"new":"1"}"#)))
    }

    @Test("$deleteFromPrimitiveList and $retainKeys remove what they name")
    func primitiveDeletionAndRetainKeys() throws {
        let deleted = try Self.apply(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["x"]}}"#)
        #expect(deleted[path: ["metadata", "finalizers"]] == .array([]))
        let retained = try Self.apply(#"{"metadata":{"labels":{"$retainKeys":["app"],"app":"web"}}}"#)
        #expect(retained[path: ["metadata", "labels"]] == (try JSONFixture.parse(#"{"app":"web"}"#)))
    }

    @Test(
        "bad directives and bodies are refused with a message naming the place",
        arguments: [
            (#"[1]"#, "strategic merge patch body must be a JSON object, got array"),
            (#"{"metadata":{"$patch":"explode"}}"#, "invalid $patch at metadata"),
            (#"{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}"#, "missing merge key \"name\""),
            (#"{"metadata":{"$unknown":1}}"#, "unknown directive"),
        ]
    )
    func badPatchesAreRefused(patch: String, message: String) throws {
        #expect {
            _ = try Self.apply(patch)
        } throws: { error in
            (error as? PatchError)?.description.contains(message) == true
        }
    }
}

extension JSONValue {
    var encodedText: String { String(decoding: encoded(), as: UTF8.self) }
}
