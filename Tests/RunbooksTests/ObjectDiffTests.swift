import ClusterModel
import Runbooks
import Testing

@Suite("Dry-run diffs and redaction")
struct ObjectDiffTests {
    @Test func namedListItemsAreMatchedByNameAndServerFieldsIgnored() {
        let before: JSONValue = [
            "metadata": ["name": "web", "resourceVersion": "1", "generation": 1],
            "spec": [
                "replicas": 2,
                "template": ["spec": ["containers": [["name": "a", "image": "x"], ["name": "b", "image": "y"]]]],
            ],
            "status": ["readyReplicas": 1],
        ]
        let after: JSONValue = [
            "metadata": ["name": "web", "resourceVersion": "2", "generation": 2],
            "spec": [
                "replicas": 3,
                "template": ["spec": ["containers": [["name": "a", "image": "x"], ["name": "b", "image": "z"]]]],
            ],
            "status": ["readyReplicas": 2],
        ]
        #expect(
            ObjectDiff.changes(from: before, to: after).map(\.description) == [
                "spec.replicas: 2 → 3", "spec.template.spec.containers[b].image: y → z",
            ])
    }

    @Test func addedAndRemovedFieldsShowAsUnset() {
        let changes = ObjectDiff.changes(
            from: ["spec": ["suspend": false]], to: ["spec": ["suspend": true, "paused": true]])
        #expect(changes.map(\.description) == ["spec.paused: unset → true", "spec.suspend: false → true"])
    }

    @Test func secretsTokensAndEnvironmentValuesAreRedacted() {
        let body: JSONValue = [
            "spec": [
                "template": [
                    "spec": [
                        "containers": [
                            ["name": "a", "env": [["name": "DB", "value": "hunter2"]], "args": ["--token=x"]]
                        ]
                    ]
                ]
            ],
            "metadata": ["annotations": ["api-token": "abc"]],
        ]
        let redacted = Redaction.redacted(body)
        let container = redacted[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first
        #expect(container?["env"] == [["name": "DB", "value": "[redacted]"]])
        #expect(redacted[path: ["metadata", "annotations", "api-token"]] == "[redacted]")
        let secret = Redaction.redacted(["kind": "Secret", "data": ["password": "c2VjcmV0"]])
        #expect(secret["data"] == ["password": "[redacted]"])
    }
}
