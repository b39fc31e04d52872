import Foundation
import Testing

@testable import ClusterSim

/// The real kubectl as a second client of the simulator: if kubectl accepts it, so will client-go based tools.
@Suite("kubectl against ClusterSim", .serialized)
struct KubectlTests {
    @Test func getNodesListsEveryNodeAsReady() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let output = try await kubectl.run(["get", "nodes"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("NAME"))
        #expect(output.stdout.split(separator: "\n").filter { $0.contains(" Ready ") }.count == 4)
    }

    @Test func getPodsAllNamespacesPagesThroughEveryPod() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let expected = await sim.pods().count
        let output = try await kubectl.run(["get", "pods", "-A", "--chunk-size=3", "-o", "name"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == expected)
        let table = try await kubectl.run(["get", "pods", "-A"])
        #expect(table.stdout.contains("coredns-") && table.stdout.contains("Running"))
    }

    @Test func watchSeesTheCoreDNSOOMKillHappen() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let watch = try kubectl.launch(["get", "pods", "-A", "--watch", "--request-timeout=0"])
        try await Task.sleep(for: .seconds(1.5))
        await sim.advance(minutes: 4)
        var seen = false
        for _ in 0..<100 where !seen {
            try await Task.sleep(for: .milliseconds(100))
            seen = watch.stdoutSoFar.split(separator: "\n").contains {
                $0.contains("coredns-") && ($0.contains("CrashLoopBackOff") || $0.contains("OOMKilled"))
            }
        }
        watch.process.terminate()
        _ = watch.finish()
        #expect(seen, "kubectl --watch output:\n\(watch.stdoutSoFar)")
    }

    @Test func getEventsShowsTheBackOffWarnings() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.advance(minutes: 5)
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let output = try await kubectl.run(["get", "events", "-A"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("BackOff"))
        #expect(output.stdout.contains("OOMKilling"))
    }

    @Test func cordonAndUncordonToggleSchedulingDisabled() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        #expect(try await kubectl.run(["cordon", "node-2"]).stdout.contains("cordoned"))
        #expect(await sim.get("/api/v1/nodes/node-2")[path: ["spec", "unschedulable"]] == .bool(true))
        #expect(try await kubectl.run(["get", "node", "node-2"]).stdout.contains("SchedulingDisabled"))
        #expect(try await kubectl.run(["uncordon", "node-2"]).stdout.contains("uncordoned"))
        #expect(await sim.get("/api/v1/nodes/node-2")[path: ["spec", "unschedulable"]] == nil)
    }

    @Test func drainEvictsThroughTheEvictionAPIAndRespectsBudgets() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let clock = Task { await sim.cluster.run(speed: 10) }
        defer { clock.cancel() }
        let drained = try await kubectl.run(
            ["drain", "node-1", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=90s"], timeout: 120)
        #expect(drained.status == 0, "\(drained.stdout)\n\(drained.stderr)")
        #expect(drained.stdout.contains("evicted") && drained.stdout.contains("drained"))
        let left = await sim.pods().filter { $0[path: ["spec", "nodeName"]]?.stringValue == "node-1" }
        #expect(left.allSatisfy { $0[path: ["metadata", "ownerReferences"]]?[0]?["kind"]?.stringValue == "DaemonSet" })

        // checkout has one replica and a budget of minAvailable 1: no eviction is allowed.
        _ = try await kubectl.run(["-n", "shop", "scale", "deployment/checkout", "--replicas=1"])
        try await Task.sleep(for: .seconds(3))
        guard
            let node = await sim.pods("shop", label: "app%3Dcheckout").first?[path: ["spec", "nodeName"]]?.stringValue
        else {
            Issue.record("no checkout pod")
            return
        }
        let blocked = try await kubectl.run(
            [
                "drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=8s",
                "--pod-selector=app=checkout",
            ], timeout: 30)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("disruption budget") || blocked.stdout.contains("disruption budget"))
    }

    @Test func rolloutRestartRollsThePods() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let before = Set(
            await sim.pods("shop", label: "app%3Dfrontend").compactMap { $0[path: ["metadata", "name"]]?.stringValue })
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let output = try await kubectl.run(["-n", "shop", "rollout", "restart", "deployment/frontend"])
        #expect(output.stdout.contains("restarted"), "\(output.stderr)")
        await sim.advance(minutes: 2)
        let after = await sim.pods("shop", label: "app%3Dfrontend")
        #expect(after.count == 3)
        let afterNames = Set(after.compactMap { $0[path: ["metadata", "name"]]?.stringValue })
        #expect(afterNames.isDisjoint(with: before))
        #expect(after.allSatisfy { $0[path: ["metadata", "annotations", "kubectl.kubernetes.io/restartedAt"]] != nil })
    }

    @Test func setResourcesRaisesTheLimitAndRollsThePods() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let output = try await kubectl.run([
            "-n", "kube-system", "set", "resources", "deployment/coredns", "--limits=memory=340Mi",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        await sim.advance(minutes: 1)
        let pods = await sim.pods("kube-system", label: "app%3Dkube-dns")
        #expect(pods.count == 2)
        #expect(
            pods.allSatisfy {
                $0[path: ["spec", "containers"]]?[0]?[path: ["resources", "limits", "memory"]]?.stringValue == "340Mi"
            })
    }

    @Test func scaleAndDeletePodChangeTheReplicas() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        #expect(
            try await kubectl.run(["-n", "shop", "scale", "deployment/search", "--replicas=4"]).stdout.contains(
                "scaled"))
        await sim.advance(minutes: 0.5)
        #expect(await sim.pods("shop", label: "app%3Dsearch").count == 4)
        guard
            let victim = await sim.pods("shop", label: "app%3Dsearch").first?[path: ["metadata", "name"]]?.stringValue
        else {
            Issue.record("no search pod")
            return
        }
        let deleted = try await kubectl.run(["-n", "shop", "delete", "pod", victim, "--wait=false"])
        #expect(deleted.stdout.contains("deleted"), "\(deleted.stderr)")
        await sim.advance(minutes: 0.5)
        let names = await sim.pods("shop", label: "app%3Dsearch").compactMap {
            $0[path: ["metadata", "name"]]?.stringValue
        }
        #expect(names.count == 4 && !names.contains(victim))
    }

    @Test func authCanIAnswersForTheAdminAndTheReadOnlyToken() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let (admin, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let viewer = try admin.with(token: "firebreak-viewer-token")
        #expect(try await admin.run(["auth", "can-i", "delete", "pods", "-n", "shop"]).stdout.hasPrefix("yes"))
        #expect(try await viewer.run(["auth", "can-i", "delete", "pods", "-n", "shop"]).stdout.hasPrefix("no"))
        #expect(try await viewer.run(["auth", "can-i", "list", "pods", "-n", "shop"]).stdout.hasPrefix("yes"))
        let forbidden = try await viewer.run(["cordon", "node-1"])
        #expect(
            forbidden.stderr.contains("is forbidden: User \"viewer\" cannot patch resource \"nodes\""),
            "\(forbidden.stderr)")
        #expect(await sim.get("/api/v1/nodes/node-1")[path: ["spec", "unschedulable"]] == nil)
    }

    @Test func topPodsReadsMetricsServer() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.advance(minutes: 1)
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let output = try await kubectl.run(["top", "pods", "-n", "kube-system"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("coredns-") && output.stdout.contains("Mi"))
    }

    @Test func aContainerWaitingInBackOffHasNoMetricsAsWithMetricsServer() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        var waiting: String?
        for _ in 0..<60 where waiting == nil {
            await sim.cluster.advance(bySeconds: 5)
            waiting = await sim.pods("kube-system", label: "app=kube-dns").first {
                $0[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: ["state", "waiting", "reason"]]
                    == "CrashLoopBackOff"
            }?[path: ["metadata", "name"]]?.stringValue
        }
        let pod = try #require(waiting, "no CoreDNS pod waited in back-off")
        let listed = await sim.get("/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods")
        let names = listed["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } ?? []
        #expect(!names.contains(pod) && names.contains { $0.hasPrefix("kube-proxy-") }, "\(names)")
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let top = try await kubectl.run(["top", "pod", pod, "-n", "kube-system"])
        #expect(top.status != 0)
        #expect(top.stderr.contains("not found") || top.stderr.contains("not available"), "\(top.stderr)")
    }
}
