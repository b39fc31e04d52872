import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import TestSupport
import Testing

/// Refusals, dry runs, conflicts and rollbacks over HTTPS against the simulator.
@Suite("Runbook guard rails", .serialized)
struct RunbookGuardTests {
    static let coredns = ["-n", "kube-system", "get", "deployment", "coredns", "-o"]

    static func corednsLimit(_ live: LiveCluster) throws -> String {
        try live.kubectl(coredns + ["jsonpath={.spec.template.spec.containers[0].resources.limits.memory}"])
    }

    static func corednsTarget(_ live: LiveCluster) async throws -> RunbookTarget {
        let pod = try #require(await live.pod(app: "kube-dns", namespace: "kube-system"))
        return RunbookTarget(kind: .pod, namespace: "kube-system", name: pod.name)
    }

    @Test func theReadOnlyTokenIsRefusedBeforeAnyConfirmationAndNothingChanges() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let viewer = try live.client(as: .viewer)
            defer { Task { try? await viewer.shutdown() } }
            let engineer = ScriptedEngineer()
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(engineer, recordsIn: folder.path, client: viewer)
            let version = try live.kubectl(Self.coredns + ["jsonpath={.metadata.resourceVersion}"])
            let run = await driver.run(
                try LiveCluster.runbook("raise-memory-limit"), target: try await Self.corednsTarget(live))
            #expect(run.result.status == .refused)
            #expect(
                run.result.message
                    == "Forbidden: these credentials may not patch deployments.apps coredns in kube-system")
            #expect(engineer.previews.isEmpty, "nothing was asked")
            #expect(try Self.corednsLimit(live) == "170Mi")
            #expect(try live.kubectl(Self.coredns + ["jsonpath={.metadata.resourceVersion}"]) == version)
        }
    }

    @Test func aDryRunShowsTheServersDiffAndChangesNothing() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let engineer = ScriptedEngineer()
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(engineer, recordsIn: folder.path, options: .init(isDryRunOnly: true))
            let version = try live.kubectl(Self.coredns + ["jsonpath={.metadata.generation}"])
            let run = await driver.run(
                try LiveCluster.runbook("raise-memory-limit"), target: try await Self.corednsTarget(live),
                settings: ["limit": "300Mi"])
            #expect(run.result.status == .dryRun)
            #expect(
                run.result.preview?.changes.first?.map(\.description) == [
                    "spec.template.spec.containers[coredns].resources.limits.memory: 170Mi → 300Mi"
                ])
            #expect(engineer.previews.isEmpty)
            #expect(try Self.corednsLimit(live) == "170Mi")
            #expect(try live.kubectl(Self.coredns + ["jsonpath={.metadata.generation}"]) == version)
        }
    }

    @Test func aChangeMadeBetweenPlanAndApplyIsReplannedAndAskedAgain() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let admin = await live.connection.client
            let engineer = ScriptedEngineer(answers: [.accepted(typed: nil), .accepted(typed: nil)]) { index in
                guard index == 0 else { return }
                // Someone else raises the limit while the first confirmation is on screen.
                let patch = KubeWrite.patch(
                    .deployments, namespace: "kube-system", name: "coredns", type: .strategicMerge,
                    body: [
                        "spec": [
                            "template": [
                                "spec": [
                                    "containers": [["name": "coredns", "resources": ["limits": ["memory": "200Mi"]]]]
                                ]
                            ]
                        ]
                    ])
                _ = try? await admin.perform(patch)
            }
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(
                engineer, recordsIn: folder.path, options: .init(skipsVerification: true))
            let run = await driver.run(
                try LiveCluster.runbook("raise-memory-limit"), target: try await Self.corednsTarget(live))
            #expect(run.result.status == .applied, "\(run.result)")
            #expect(engineer.previews.count == 2, "asked again after the 409")
            #expect(
                engineer.previews.last?.plan.steps.first?.expected == [
                    "containers[coredns] limits.memory: 200Mi → 300Mi"
                ])
            #expect(engineer.progress.contains { if case .replanning = $0 { true } else { false } })
            #expect(try Self.corednsLimit(live) == "300Mi")
            let records = try await LiveCluster.recorder(in: folder.path).records(of: try #require(run.actionID))
            #expect(records.contains { $0.kind == .result && $0.status == 409 })
        }
    }

    @Test func aFailedVerificationRollsBackToTheSnapshot() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            try await live.advance(seconds: 150, step: 10)
            let engineer = ScriptedEngineer(rollbackAnswers: [true])
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(engineer, recordsIn: folder.path)
            // 180Mi is below the spike's peak demand: the new pods are OOM-killed too.
            let target = try await Self.corednsTarget(live)
            let runbook = try LiveCluster.runbook("raise-memory-limit")
            let run = try await live.runWhileAdvancing {
                await driver.run(runbook, target: target, settings: ["limit": "180Mi"])
            }
            #expect(run.result.status == .rolledBack, "\(run.result)")
            #expect(engineer.rollbackOffers.first?.contains("OOM-killed") == true)
            #expect(try Self.corednsLimit(live) == "170Mi")
        }
    }

    @Test func aRecordedActionRollsBackLaterFromItsRecord() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let folder = try TemporaryDirectory()
            let driver = try await live.driver(
                ScriptedEngineer(), recordsIn: folder.path, options: .init(skipsVerification: true))
            let run = await driver.run(
                try LiveCluster.runbook("scale"),
                target: RunbookTarget(kind: .deployment, namespace: "shop", name: "checkout"))
            #expect(run.result.status == .applied, "\(run.result)")
            #expect(
                try live.kubectl(["-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.spec.replicas}"])
                    == "4")
            // A new process: a fresh driver and recorder over the same records.
            let later = try await live.driver(ScriptedEngineer(rollbackAnswers: [true]), recordsIn: folder.path)
            let rollback = await later.rollback(actionID: try #require(run.actionID))
            #expect(rollback.result.status == .rolledBack, "\(rollback.result)")
            #expect(
                try live.kubectl(["-n", "shop", "get", "deployment", "checkout", "-o", "jsonpath={.spec.replicas}"])
                    == "2")
            let again = await later.rollback(actionID: try #require(run.actionID))
            #expect(again.result.message.contains("rolled back already"))
        }
    }

    @Test func oneDisruptiveRunbookAtATimePerTarget() async throws {
        try await LiveCluster.with("coredns-dns-spike") { live in
            let folder = try TemporaryDirectory()
            let locks = TargetLocks()
            let pod = try #require(await live.pod(app: "frontend", namespace: "shop"))
            let subject = ObjectRef(kind: "Pod", namespace: "shop", name: pod.name)
            #expect(await locks.acquire(subject, for: "drain") == nil)
            var driver = try await live.driver(
                ScriptedEngineer(answers: [.accepted(typed: pod.name)]), recordsIn: folder.path)
            driver.locks = locks
            let run = await driver.run(
                try LiveCluster.runbook("delete-pod"),
                target: RunbookTarget(kind: .pod, namespace: "shop", name: pod.name))
            #expect(run.result.status == .refused)
            #expect(
                run.result.message == "pod shop/\(pod.name) is busy: the disruptive runbook 'drain' is running on it")
        }
    }
}
