import ClusterModel
import Foundation
import Runbooks
import TestSupport

/// A small cluster for planning: a Deployment with a ReplicaSet and pods, its budget, and the Deployment's JSON.
struct SampleWorkloads {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The built-in runbook with this id.
    static func builtIn(_ id: String) throws -> Runbook {
        let path = RepositoryPaths.root.appendingPathComponent("runbooks/\(id).yaml").path
        let (runbook, problems) = RunbookFiles.load(path)
        guard let runbook else { throw RunbooksError.invalidRunbook(problems) }
        return runbook
    }

    /// A container's JSON with the given requests and limits.
    static func container(_ name: String, requests: [String: String] = [:], limits: [String: String] = [:])
        -> JSONValue
    {
        var resources: [String: JSONValue] = [:]
        if !requests.isEmpty { resources["requests"] = .object(requests.mapValues { .string($0) }) }
        if !limits.isEmpty { resources["limits"] = .object(limits.mapValues { .string($0) }) }
        return ["name": .string(name), "image": "example:1", "resources": .object(resources)]
    }

    /// `deployment kube-system/coredns` at resourceVersion 123 with `containers` in its template.
    static func deployment(
        _ name: String = "coredns", namespace: String = "kube-system", containers: [JSONValue], replicas: Int64 = 2
    ) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": [
                "name": .string(name), "namespace": .string(namespace), "resourceVersion": "123", "generation": 4,
            ],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]], "spec": ["containers": .array(containers)],
                ],
            ],
        ]
    }

    /// A pod of `deployment` through ReplicaSet `<name>-abc`, and the pod's JSON.
    static func pod(
        _ podName: String, of deployment: String = "coredns", namespace: String = "kube-system",
        containers: [JSONValue], node: String = "node-1", owned: Bool = true, qosClass: String = "Burstable"
    ) -> (PodSummary, JSONValue) {
        let summary = PodSummary(
            namespace: namespace, name: podName, uid: "uid-\(podName)", resourceVersion: "77", nodeName: node,
            labels: ["app": deployment],
            controller: owned ? OwnerRef(kind: "ReplicaSet", name: "\(deployment)-abc") : nil,
            containers: containers.map { ContainerSpecSummary(name: $0["name"]?.stringValue ?? "") },
            containerStatuses: containers.map { ContainerStatusSummary(name: $0["name"]?.stringValue ?? "") },
            ready: ConditionSummary(status: .isTrue), qosClass: qosClass)
        let json: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": [
                "name": .string(podName), "namespace": .string(namespace), "uid": .string("uid-\(podName)"),
                "resourceVersion": "77",
            ],
            "spec": ["nodeName": .string(node), "containers": .array(containers)],
            "status": ["phase": "Running", "qosClass": .string(qosClass)],
        ]
        return (summary, json)
    }

    /// The snapshot: the deployment, its ReplicaSet, `pods`, and a budget over them.
    static func snapshot(deployment: String = "coredns", namespace: String = "kube-system", pods: [PodSummary])
        -> ClusterSnapshot
    {
        ClusterSnapshot(
            pods: pods,
            workloads: [
                WorkloadSummary(kind: "Deployment", namespace: namespace, name: deployment, desiredReplicas: 2),
                WorkloadSummary(
                    kind: "ReplicaSet", namespace: namespace, name: "\(deployment)-abc", desiredReplicas: 2,
                    controller: OwnerRef(kind: "Deployment", name: deployment)),
            ],
            podDisruptionBudgets: [
                PDBSummary(
                    namespace: namespace, name: "\(deployment)-pdb", matchLabels: ["app": deployment],
                    disruptionsAllowed: 1)
            ])
    }

    /// The planning input for a pod target with one container whose resources are given.
    static func podInput(
        requests: [String: String] = [:], limits: [String: String], settings: [String: String] = [:]
    ) -> PlanningInput {
        let containers = [container("coredns", requests: requests, limits: limits)]
        let (first, podJSON) = pod("coredns-abc-1", containers: containers)
        let (second, _) = pod("coredns-abc-2", containers: containers, node: "node-2")
        return PlanningInput(
            target: RunbookTarget(kind: .pod, namespace: "kube-system", name: "coredns-abc-1"),
            snapshot: snapshot(pods: [first, second]),
            objects: [
                ObjectRef(kind: "Deployment", namespace: "kube-system", name: "coredns"):
                    deployment(containers: containers),
                ObjectRef(kind: "Pod", namespace: "kube-system", name: "coredns-abc-1"): podJSON,
            ],
            settings: settings, now: now)
    }
}
