import ClusterModel
import Foundation
import Runbooks
import Testing

/// The planner on the built-in raise-memory-limit and raise-cpu-limit runbooks: pure, no client.
@Suite("Planning raised limits")
struct RaiseLimitPlanningTests {
    struct Case: Sendable, CustomStringConvertible {
        var limit: String
        var expected: String
        var description: String { "\(limit) → \(expected)" }
    }

    @Test(arguments: [
        Case(limit: "170Mi", expected: "255Mi"), Case(limit: "1Gi", expected: "1536Mi"),
        Case(limit: "1.5G", expected: "2146Mi"), Case(limit: "500M", expected: "716Mi"),
        Case(limit: "129M", expected: "185Mi"), Case(limit: "500Mi", expected: "750Mi"),
        Case(limit: "2Gi", expected: "3Gi"),
    ])
    func memoryLimitRisesByHalfRoundedUpToAWholeMebibyte(_ example: Case) throws {
        let plan = try RunbookPlanner.plan(
            try SampleWorkloads.builtIn("raise-memory-limit"),
            SampleWorkloads.podInput(requests: ["memory": "64Mi"], limits: ["memory": example.limit]))
        #expect(plan.parameters.first { $0.name == "limit" }?.value == example.expected)
        let body = try #require(plan.steps.first?.write.body)
        #expect(
            body[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?[
                path: ["resources", "limits", "memory"]] == .string(example.expected))
        #expect(
            body[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["resources"]?["requests"] == nil,
            "a Burstable pod keeps its request")
    }

    @Test func corednsPlanPatchesTheDeploymentAsKubectlSetResourcesDoes() throws {
        let plan = try RunbookPlanner.plan(
            try SampleWorkloads.builtIn("raise-memory-limit"),
            SampleWorkloads.podInput(requests: ["cpu": "100m", "memory": "70Mi"], limits: ["memory": "170Mi"]))
        #expect(plan.subject == ObjectRef(kind: "Deployment", namespace: "kube-system", name: "coredns"))
        let write = try #require(plan.steps.first?.write)
        #expect(write.method == .patch)
        #expect(write.contentType == "application/strategic-merge-patch+json")
        #expect(
            write.path(dryRun: true)
                == "/apis/apps/v1/namespaces/kube-system/deployments/coredns?dryRun=All&fieldManager=firebreak")
        #expect(
            write.body?.serialized()
                == #"{"metadata":{"resourceVersion":"123"},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"coredns"}],"containers":[{"name":"coredns","resources":{"limits":{"memory":"255Mi"}}}]}}}}"#
        )
        #expect(plan.steps.first?.expected == ["containers[coredns] limits.memory: 170Mi → 255Mi"])
        #expect(
            plan.rollback.first?.body?.serialized()
                == #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"coredns"}],"containers":[{"name":"coredns","resources":{"limits":{"memory":"170Mi"}}}]}}}}"#
        )
        #expect(
            plan.accessChecks == [
                AccessAttributes(
                    verb: "patch", group: "apps", resource: "deployments", namespace: "kube-system", name: "coredns")
            ])
        #expect(plan.confirmation == .yesNo)
        #expect(plan.blastRadius.podsRestarted.map(\.name) == ["coredns-abc-1", "coredns-abc-2"])
        #expect(plan.blastRadius.nodes == ["node-1", "node-2"])
        #expect(plan.blastRadius.budgets.map(\.budget.name) == ["coredns-pdb"])
        guard
            case .rolloutComplete(let workload, let container, let expected, let before, let quiet) =
                plan.verification.condition
        else {
            Issue.record("expected a rollout verification, got \(plan.verification.condition)")
            return
        }
        #expect(workload.name == "coredns" && container == "coredns" && quiet == 120)
        #expect(
            expected
                == ContainerResources(
                    cpuRequestMillis: 100, memoryRequestBytes: 70 * 1_048_576, memoryLimitBytes: 255 * 1_048_576))
        #expect(before == ["uid-coredns-abc-1", "uid-coredns-abc-2"])
        #expect(plan.verification.timeout == 300)
    }

    @Test func guaranteedPodsRaiseTheRequestWithTheLimit() throws {
        let both = ["cpu": "500m", "memory": "256Mi"]
        let plan = try RunbookPlanner.plan(
            try SampleWorkloads.builtIn("raise-memory-limit"), SampleWorkloads.podInput(requests: both, limits: both))
        let resources = plan.steps.first?.write.body?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?
            .first?["resources"]
        #expect(resources == ["limits": ["memory": "384Mi"], "requests": ["memory": "384Mi"]])
        #expect(plan.notes.contains { $0.contains("Guaranteed") })
        #expect(
            plan.rollback.first?.body?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?[
                "resources"]
                == ["limits": ["memory": "256Mi"], "requests": ["memory": "256Mi"]])
    }

    @Test func setElementOrderListsEveryContainerInOrder() throws {
        var input = SampleWorkloads.podInput(limits: ["memory": "100Mi"], settings: ["container": "sidecar"])
        let containers = [
            SampleWorkloads.container("app", limits: ["memory": "1Gi"]),
            SampleWorkloads.container("sidecar", limits: ["memory": "100Mi"]),
        ]
        input.objects[ObjectRef(kind: "Deployment", namespace: "kube-system", name: "coredns")] =
            SampleWorkloads.deployment(containers: containers)
        let plan = try RunbookPlanner.plan(try SampleWorkloads.builtIn("raise-memory-limit"), input)
        let spec = plan.steps.first?.write.body?[path: ["spec", "template", "spec"]]
        #expect(spec?["$setElementOrder/containers"] == [["name": "app"], ["name": "sidecar"]])
        #expect(spec?["containers"] == [["name": "sidecar", "resources": ["limits": ["memory": "150Mi"]]]])
    }

    @Test func aValueAboveTheCapIsRefusedAndADefaultAboveTheCeilingIsLowered() throws {
        let runbook = try SampleWorkloads.builtIn("raise-memory-limit")
        #expect(
            throws: RunbooksError.aboveCap(
                parameter: "limit", value: "400Mi", cap: "340Mi", capSource: "2× memory_limit 170Mi")
        ) {
            try RunbookPlanner.plan(
                runbook, SampleWorkloads.podInput(limits: ["memory": "170Mi"], settings: ["limit": "400Mi"]))
        }
        let set = try RunbookPlanner.plan(
            runbook, SampleWorkloads.podInput(limits: ["memory": "170Mi"], settings: ["limit": "300Mi"]))
        #expect(set.parameters.first { $0.name == "limit" }?.source == .set)
        #expect(throws: RunbooksError.belowMinimum(parameter: "limit", value: "100Mi", minimum: "170Mi")) {
            try RunbookPlanner.plan(
                runbook, SampleWorkloads.podInput(limits: ["memory": "170Mi"], settings: ["limit": "100Mi"]))
        }
        var ceiling = runbook
        ceiling.parameters[1].maximum.append(TemplateText("200Mi"))
        let capped = try RunbookPlanner.plan(ceiling, SampleWorkloads.podInput(limits: ["memory": "170Mi"]))
        let limit = try #require(capped.parameters.first { $0.name == "limit" })
        #expect(limit.value == "200Mi" && limit.source == .capped("ceiling 200Mi"))
        #expect(capped.notes.first == "limit capped at 200Mi (ceiling 200Mi)")
    }

    @Test func aPodWithoutAnOwnerIsSentToTheInPlaceResize() throws {
        var input = SampleWorkloads.podInput(limits: ["memory": "170Mi"])
        let containers = [SampleWorkloads.container("coredns", limits: ["memory": "170Mi"])]
        let (orphan, json) = SampleWorkloads.pod("coredns-abc-1", containers: containers, owned: false)
        input.snapshot = SampleWorkloads.snapshot(pods: [orphan])
        input.objects[input.target.object] = json
        #expect(
            throws: RunbooksError.preconditionFailed(
                "pod kube-system/coredns-abc-1 has no owning Deployment, StatefulSet or DaemonSet",
                otherwise: "resize-pod-memory")
        ) {
            try RunbookPlanner.objectsNeeded(
                try SampleWorkloads.builtIn("raise-memory-limit"), target: input.target, snapshot: input.snapshot)
        }
    }

    @Test func aContainerWithoutALimitIsRefusedWithTheReason() throws {
        let input = SampleWorkloads.podInput(requests: ["memory": "64Mi"], limits: [:])
        #expect(
            throws: RunbooksError.preconditionFailed(
                "container coredns of deployment kube-system/coredns has no memory limit", otherwise: nil)
        ) {
            try RunbookPlanner.plan(try SampleWorkloads.builtIn("raise-memory-limit"), input)
        }
    }

    @Test func unknownParametersAreRefusedWithASuggestion() throws {
        #expect(throws: RunbooksError.unknownParameter("limt", runbook: "raise-memory-limit", suggestion: "limit")) {
            try RunbookPlanner.plan(
                try SampleWorkloads.builtIn("raise-memory-limit"),
                SampleWorkloads.podInput(limits: ["memory": "170Mi"], settings: ["limt": "300Mi"]))
        }
    }

    @Test(arguments: [("250m", "500m"), ("1", "2"), ("300m", "600m"), ("1500m", "3")])
    func cpuLimitDoubles(_ limit: String, _ expected: String) throws {
        let plan = try RunbookPlanner.plan(
            try SampleWorkloads.builtIn("raise-cpu-limit"),
            SampleWorkloads.podInput(requests: ["cpu": "100m"], limits: ["cpu": limit, "memory": "256Mi"]))
        #expect(plan.parameters.first { $0.name == "limit" }?.value == expected)
        #expect(
            plan.steps.first?.write.body?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?[
                "resources"] == ["limits": ["cpu": .string(expected)]])
    }
}
