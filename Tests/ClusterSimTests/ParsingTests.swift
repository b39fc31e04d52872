import Foundation
import Testing

@testable import ClusterSim

@Suite("Small parsers")
struct ParsingTests {
    @Test(arguments: [
        ("2026-11-21T10:09:08Z", Int64(1_795_255_748)),
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2024-02-29T23:59:59Z", Int64(1_709_251_199)),
        ("2026-11-21T12:09:08.123+02:00", Int64(1_795_255_748)),
    ])
    func timestampsRoundTrip(_ text: String, _ seconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.seconds == seconds)
        if text.hasSuffix("Z") { #expect(Timestamp(seconds: seconds).rfc3339 == text) }
    }

    @Test(arguments: ["", "2026-13-01T00:00:00Z", "yesterday", "2026-11-21T10:09:08"])
    func badTimestampsAreRejected(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test(arguments: [
        ("170Mi", 178_257_920.0), ("1Gi", 1_073_741_824.0), ("250m", 0.25), ("1.5", 1.5), ("500M", 5e8), ("2k", 2000.0),
        ("1e3", 1000.0),
    ])
    func quantitiesParse(_ text: String, _ value: Double) {
        #expect(Quantity.value(text) == value)
    }

    @Test func labelSelectorsParseEveryOperator() throws {
        let parsed = try ObjectFilter.parseLabels(
            "app=web,tier!=db,env in (prod, staging),zone notin (a),canary,!legacy")
        #expect(
            parsed == [
                .equals("app", "web"), .notEquals("tier", "db"), .isIn("env", ["prod", "staging"]),
                .notIn("zone", ["a"]),
                .exists("canary"), .doesNotExist("legacy"),
            ])
    }

    @Test func cronSchedulesMatchTheStoryAndTheMistake() throws {
        let weekdayBusinessHours = try #require(CronSchedule("*/15 9-19 * * Mon-Fri"))
        let saturday = Timestamp(rfc3339: "2026-11-21T10:15:00Z")!
        let friday = Timestamp(rfc3339: "2026-11-20T10:15:00Z")!
        #expect(!weekdayBusinessHours.matches(saturday))
        #expect(weekdayBusinessHours.matches(friday))
        #expect(!weekdayBusinessHours.matches(Timestamp(rfc3339: "2026-11-20T10:16:00Z")!))
        #expect(try #require(CronSchedule("*/1 * * * *")).matches(saturday))
        #expect(CronSchedule("61 * * * *") == nil)
        #expect(CronSchedule("* * *") == nil)
    }

    @Test func continueTokensRoundTripInTheRealServersForm() throws {
        let token = ContinueToken(resourceVersion: 225, startKey: "demo/evict-me\u{0}")
        #expect(ContinueToken(encoded: token.encoded) == token)
        let real = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MjI1LCJzdGFydCI6Ii9ldmljdC1tZVx1MDAwMCJ9"
        #expect(ContinueToken(encoded: real)?.resourceVersion == 225)
        #expect(ContinueToken(encoded: "%%%") == nil)
    }

    @Test func protobufAccessReviewsDecode() throws {
        func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(bytes.count)] + bytes }
        let attributes = field(1, Array("shop".utf8)) + field(2, Array("delete".utf8)) + field(5, Array("pods".utf8))
        let review = field(2, field(1, attributes))
        let body = Array("k8s\u{0}".utf8) + field(1, field(1, Array("authorization.k8s.io/v1".utf8))) + field(2, review)
        let json = try ProtobufEnvelope.json(body, for: .selfSubjectAccessReviews)
        #expect(json[path: ["spec", "resourceAttributes", "verb"]] == "delete")
        #expect(json[path: ["spec", "resourceAttributes", "namespace"]] == "shop")
        #expect(json["kind"] == "SelfSubjectAccessReview")
        #expect(throws: APIError.self) {
            try ProtobufEnvelope.json(Array("k8s\u{0}\u{12}\u{7f}".utf8), for: .selfSubjectAccessReviews)
        }
    }
}
