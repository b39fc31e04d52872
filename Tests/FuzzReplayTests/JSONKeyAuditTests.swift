import Foundation
import Testing

@testable import FuzzTargets

@Suite("JSON key audit")
struct JSONKeyAuditTests {
    @Test(arguments: [
        (#"{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}"#, true),
        (#"{"a":"x:y,z","b":"{\"a\":1}","c":"a"}"#, true),
        (#"[{"a":1},{"a":1}]"#, true),
        (#"{"a":1,"b":2,"a":3}"#, false),
        (#"{"m":{"k":1,"k":2}}"#, false),
        (#"{"items":[{"n\u0061me":"x"}]}"#, false),
        (#"{"a\"b":1}"#, false),
    ])
    func repeatedAndEscapedKeysAreFound(json: String, plainAndUnique: Bool) {
        #expect(JSONKeyAudit.keysArePlainAndUnique(Data(json.utf8)) == plainAndUnique)
    }
}
