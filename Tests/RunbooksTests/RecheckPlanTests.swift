import ClusterModel
import Foundation
import Runbooks
import Testing

/// How a request whose answer was never recorded is re-checked, read from the request alone.
@Suite("Re-check plans")
struct RecheckPlanTests {
    static let memoryPatch: JSONValue = [
        "spec": [
            "template": ["spec": ["containers": [["name": "coredns", "resources": ["limits": ["memory": "255Mi"]]]]]]
        ]
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var request: KubeWrite?
        var expected: RecheckPlan
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let coredns = ObjectRead(resource: .deployments, namespace: "kube-system", name: "coredns", subresource: nil)
        let pod = ObjectRead(resource: .pods, namespace: "kube-system", name: "coredns-7d8f-abcde", subresource: nil)
        let node = ObjectRead(resource: .nodes, namespace: nil, name: "node-3", subresource: nil)
        return [
            Case(
                name: "a strategic-merge patch is sent again without its resourceVersion",
                request: .patch(
                    .deployments, namespace: "kube-system", name: "coredns", type: .strategicMerge, body: memoryPatch,
                    resourceVersion: "4711"),
                expected: .compare(
                    dryRun: .patch(
                        .deployments, namespace: "kube-system", name: "coredns", type: .strategicMerge,
                        body: memoryPatch.setting("metadata", [:])),
                    read: coredns)),
            Case(
                name: "a JSON patch loses its leading test of the resourceVersion, not its other operations",
                request: .patch(
                    .nodes, namespace: nil, name: "node-3", type: .json,
                    body: [["op": "replace", "path": "/spec/unschedulable", "value": true]], resourceVersion: "12"),
                expected: .compare(
                    dryRun: .patch(
                        .nodes, namespace: nil, name: "node-3", type: .json,
                        body: [["op": "replace", "path": "/spec/unschedulable", "value": true]]),
                    read: node)),
            Case(
                name: "a scale patch is compared with the Scale it answers with",
                request: .scale(.deployments, namespace: "shop", name: "checkout", replicas: 5, resourceVersion: "9"),
                expected: .compare(
                    dryRun: .patch(
                        .deployments, namespace: "shop", name: "checkout", subresource: "scale", type: .merge,
                        body: ["spec": ["replicas": 5], "metadata": [:]]),
                    read: ObjectRead(
                        resource: .deployments, namespace: "shop", name: "checkout", subresource: "scale"))),
            Case(
                name: "a resize is compared with the whole pod",
                request: .resize(
                    namespace: "kube-system", name: "coredns-7d8f-abcde",
                    containers: [(name: "coredns", resources: ["limits": ["memory": "255Mi"]])]),
                expected: .compare(
                    dryRun: .resize(
                        namespace: "kube-system", name: "coredns-7d8f-abcde",
                        containers: [(name: "coredns", resources: ["limits": ["memory": "255Mi"]])]),
                    read: pod)),
            Case(
                name: "an eviction is judged by the pod it names, with the uid it was sent for",
                request: .evict(namespace: "kube-system", name: "coredns-7d8f-abcde", uid: "u-1"),
                expected: .removal(pod, uid: "u-1")),
            Case(
                name: "a delete is judged by the object, with its uid precondition",
                request: .delete(
                    .pods, namespace: "kube-system", name: "coredns-7d8f-abcde", gracePeriodSeconds: 30,
                    preconditionUID: "u-2"),
                expected: .removal(pod, uid: "u-2")),
            Case(
                name: "a record from before re-checks cannot be re-checked",
                request: nil,
                expected: .impossible(
                    "the journal holds only its path (recorded before re-checks), so check the object")),
            Case(
                name: "a request recorded redacted cannot be sent again",
                request: .patch(
                    .deployments, namespace: "shop", name: "checkout", type: .strategicMerge,
                    body: [
                        "spec": [
                            "template": [
                                "spec": [
                                    "containers": [["name": "app", "env": [["name": "TOKEN", "value": "[redacted]"]]]]
                                ]
                            ]
                        ]
                    ]),
                expected: .impossible("it carried secret values, recorded only redacted, so check the object")),
            Case(
                name: "a create cannot be repeated as a check",
                request: KubeWrite(
                    method: .post, resource: .pods, namespace: "shop", name: "web-1", subresource: "binding",
                    contentType: "application/json", body: ["target": ["name": "node-2"]]),
                expected: .impossible(
                    "a POST /api/v1/namespaces/shop/pods/web-1/binding cannot be repeated as a check, so check the "
                        + "object")),
        ]
    }()

    @Test(arguments: cases)
    func theRequestDecidesHowItIsRechecked(_ example: Case) {
        #expect(RecheckPlan(example.request) == example.expected)
    }
}
