import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import TestSupport
import Testing

/// Each remaining built-in runbook end to end against the simulator: applied, seen by kubectl, verified.
@Suite("Built-in runbooks over HTTPS", .serialized)
struct RunbookBuiltInTests {
    @Test func rolloutRestartReplacesEveryPod() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let before = Set(
                await live.connection.store.snapshot().pods.values.filter { $0.labels["app"] == "checkout" }.map(\.uid))
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(ScriptedEngineer(), recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("rollout-restart")
            let run = try await live.runWhileAdvancing {
                await driver.run(runbook, target: RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout"))
            }
            #expect(run.result.status == .verified, "\(run.result)")
            let annotation = try live.kubectl([
                "-n", "shop", "get", "deployment", "checkout", "-o",
                #"jsonpath={.spec.template.metadata.annotations.kubectl\.kubernetes\.io/restartedAt}"#,
            ])
            #expect(annotation.hasSuffix("Z") && annotation.count == 20, "\(annotation)")
            let after = Set(
                await live.connection.store.snapshot().pods.values.filter { $0.labels["app"] == "checkout" }.map(\.uid))
            #expect(after.count == 2 && after.isDisjoint(with: before))
        }
    }

    @Test func deletePodNeedsItsNameAndTheReplacementBecomesReady() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let pod = try #require(await live.pod(app: "frontend", namespace: "shop"))
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer(answers: [.accepted(typed: pod.name)])
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("delete-pod")
            let run = try await live.runWhileAdvancing {
                await driver.run(runbook, target: RunbookTarget(kind: .pod, namespace: "shop", name: pod.name))
            }
            #expect(run.result.status == .verified, "\(run.result)")
            #expect(engineer.previews.first?.plan.confirmation == .typeName(pod.name))
            #expect(
                engineer.previews.first?.notes == [
                    "delete the pod: the server accepts deleting \(pod.name) (grace period 30s)"
                ])
            let names = try live.kubectl(["-n", "shop", "get", "pods", "-l", "app=frontend", "-o", "name"])
            #expect(!names.contains(pod.name))
            #expect(names.split(separator: "\n").count == 3)
        }
    }

    @Test func scaleSetsTheReplicasThroughTheScaleSubresource() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer()
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("scale")
            let run = try await live.runWhileAdvancing {
                await driver.run(runbook, target: RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout"))
            }
            #expect(run.result.status == .verified, "\(run.result)")
            #expect(engineer.previews.first?.changes.first?.map(\.description) == ["spec.replicas: 2 → 4"])
            #expect(
                try live.kubectl(["-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.spec.replicas}"])
                    == "4")
            let records = try await LiveCluster.recorder(in: folder.path).records(of: try #require(run.actionID))
            #expect(
                records.first { $0.kind == .intent }?.path
                    == "/apis/apps/v1/namespaces/shop/deployments/checkout/scale?fieldManager=firebreak")
        }
    }

    @Test func resizePodMemoryRaisesTheLimitInPlaceWithoutARestart() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let pod = try #require(await live.pod(app: "kube-dns", namespace: "kube-system"))
            let folder = try TemporaryDirectory()
            let engineer = ScriptedEngineer()
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            let runbook = try LiveCluster.runbook("resize-pod-memory")
            let run = try await live.runWhileAdvancing {
                await driver.run(runbook, target: RunbookTarget(kind: .pod, namespace: "kube-system", name: pod.name))
            }
            #expect(run.result.status == .verified, "\(run.result)")
            #expect(engineer.previews.first?.plan.notes.contains { $0.contains("still has the old values") } == true)
            let limit = try live.kubectl([
                "-n", "kube-system", "get", "pod", pod.name, "-o",
                "jsonpath={.spec.containers[0].resources.limits.memory}",
            ])
            #expect(limit == "255Mi")
            let uid = try live.kubectl(["-n", "kube-system", "get", "pod", pod.name, "-o", "jsonpath={.metadata.uid}"])
            #expect(uid == pod.uid, "the same pod, not a replacement")
            #expect(
                try live.kubectl([
                    "-n", "kube-system", "get", "deployment", "coredns", "-o",
                    "jsonpath={.spec.template.spec.containers[0].resources.limits.memory}",
                ]) == "170Mi")
        }
    }
}
