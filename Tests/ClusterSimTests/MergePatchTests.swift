import Foundation
import Testing

@testable import ClusterSim

/// RFC 7386 merge patch: objects merge, `null` removes, everything else replaces.
@Suite("Merge patch")
struct MergePatchTests {
    @Test(
        "null removes a member, objects merge, arrays and scalars replace",
        arguments: [
            (#"{"a":1,"b":{"c":2,"d":3}}"#, #"{"b":{"c":null}}"#, #"{"a":1,"b":{"d":3}}"#),
            (#"{"a":1}"#, #"{"a":null,"b":null}"#, #"{}"#),
            (#"{"list":[1,2,3]}"#, #"{"list":[4]}"#, #"{"list":[4]}"#),
            (#"{"a":{"b":1}}"#, #"{"a":"flat"}"#, #"{"a":"flat"}"#),
            (#"{"a":"flat"}"#, #"{"a":{"b":null,"c":1}}"#, #"{"a":{"c":1}}"#),
            (#"{"a":1}"#, #"[1,2]"#, #"[1,2]"#),
            (#"{"spec":{"unschedulable":true}}"#, #"{"spec":{"unschedulable":null}}"#, #"{"spec":{}}"#),
        ]
    )
    func mergesPerRFC7386(original: String, patch: String, expected: String) throws {
        let result = try JSONFixture.parse(original).applyingMergePatch(try JSONFixture.parse(patch))
        #expect(result == (try JSONFixture.parse(expected)))
    }

    @Test("a body that is not JSON is refused as malformed")
    func malformedBodyIsRefused() {
        #expect(throws: PatchError.self) {
            _ = try JSONValue.object([:]).applyingPatch(Data("{nope".utf8), kind: .merge)
        }
    }
}
