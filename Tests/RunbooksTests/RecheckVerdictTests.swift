import ClusterModel
import Runbooks
import Testing

/// What a re-check concludes from the object as it is and the server's dry-run answer.
@Suite("Re-check verdicts")
struct RecheckVerdictTests {
    static let coredns = ObjectRead(resource: .deployments, namespace: "kube-system", name: "coredns")
    static let pod = ObjectRead(resource: .pods, namespace: "kube-system", name: "coredns-7d8f-abcde")

    static func deployment(memory: String, resourceVersion: String, generation: Int64) -> JSONValue {
        [
            "metadata": [
                "name": "coredns", "resourceVersion": .string(resourceVersion), "generation": .int(generation),
            ],
            "spec": [
                "template": [
                    "spec": ["containers": [["name": "coredns", "resources": ["limits": ["memory": .string(memory)]]]]]
                ]
            ],
            "status": ["readyReplicas": 1],
        ]
    }

    @Test func anAnswerThatChangesNothingButBookkeepingMeansTheChangeIsInEffect() {
        let verdict = RecheckVerdict.comparing(
            Self.deployment(memory: "255Mi", resourceVersion: "90", generation: 4),
            withDryRun: Self.deployment(memory: "255Mi", resourceVersion: "91", generation: 5), object: Self.coredns)
        #expect(verdict == .inEffect("deployments kube-system/coredns already holds the change"))
        #expect(verdict.isDecisive)
        #expect(verdict.description == "in effect: deployments kube-system/coredns already holds the change")
    }

    @Test func anAnswerThatWouldStillChangeAFieldMeansTheRequestDidNotLand() {
        let verdict = RecheckVerdict.comparing(
            Self.deployment(memory: "170Mi", resourceVersion: "90", generation: 4),
            withDryRun: Self.deployment(memory: "255Mi", resourceVersion: "91", generation: 5), object: Self.coredns)
        #expect(
            verdict
                == .notInEffect(
                    "sending it now would still change "
                        + "spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 255Mi"))
        #expect(verdict.isDecisive)
    }

    struct Removal: Sendable, CustomTestStringConvertible {
        var name: String
        var current: JSONValue?
        var uid: String?
        var expected: RecheckVerdict
        var testDescription: String { name }
    }

    static let removals: [Removal] = [
        Removal(
            name: "gone", current: nil, uid: "u-1",
            expected: .inEffect("pods kube-system/coredns-7d8f-abcde is gone")),
        Removal(
            name: "replaced by a pod of the same name",
            current: ["metadata": ["uid": "u-9"]], uid: "u-1",
            expected: .inEffect("pods kube-system/coredns-7d8f-abcde was replaced (uid u-9, not u-1)")),
        Removal(
            name: "terminating",
            current: ["metadata": ["uid": "u-1", "deletionTimestamp": "2026-11-29T03:12:00Z"]], uid: "u-1",
            expected: .inEffect("pods kube-system/coredns-7d8f-abcde is being deleted (since 2026-11-29T03:12:00Z)")),
        Removal(
            name: "still there", current: ["metadata": ["uid": "u-1"]], uid: "u-1",
            expected: .notInEffect("pods kube-system/coredns-7d8f-abcde is still there")),
        Removal(
            name: "still there, no uid in the request", current: ["metadata": ["uid": "u-1"]], uid: nil,
            expected: .notInEffect("pods kube-system/coredns-7d8f-abcde is still there")),
    ]

    @Test(arguments: removals)
    func aRemovalIsJudgedByWhatIsLeftOfTheObject(_ example: Removal) {
        #expect(RecheckVerdict.removal(of: Self.pod, current: example.current, uid: example.uid) == example.expected)
    }

    @Test func anUndeterminedVerdictLeavesTheResultUnknown() {
        #expect(!RecheckVerdict.undetermined("cannot read").isDecisive)
    }
}
