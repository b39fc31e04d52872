import Foundation
import TestSupport
import Testing

@testable import ClusterSim

/// Each failure story, stepped on the simulated clock and checked through the API.
@Suite("Scenarios")
struct ScenarioTests {
    @Test func coreDNSIsOOMKilledRepeatedlyWithinTenMinutesAndRecoversWhenTheLimitIsRaised() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.advance(minutes: 3)
        #expect(
            SimHarness.oomRestarts(await sim.pods("kube-system", label: "app%3Dkube-dns")) >= 1,
            "first OOM kill within 3 minutes")
        await sim.advance(minutes: 7)
        let pods = await sim.pods("kube-system", label: "app%3Dkube-dns")
        #expect(SimHarness.oomRestarts(pods) >= 3)
        #expect(
            pods.contains {
                $0[path: ["status", "containerStatuses"]]?[0]?[path: ["lastState", "terminated", "exitCode"]]
                    == .int(137)
            })
        let events =
            await sim.get("/api/v1/namespaces/kube-system/events?fieldSelector=reason%3DBackOff")["items"]?.arrayValue
            ?? []
        #expect(!events.isEmpty)
        let ingressErrors =
            await sim.get("/api/v1/namespaces/kube-system/events?fieldSelector=reason%3DUnhealthy")["items"]?.arrayValue
            ?? []
        #expect(!ingressErrors.isEmpty, "ingress errors follow the DNS outage")

        let patch =
            #"{"spec":{"template":{"spec":{"containers":[{"name":"coredns","resources":{"limits":{"memory":"340Mi"}}}]}}}}"#
        #expect(
            await sim.request(
                "PATCH", "/apis/apps/v1/namespaces/kube-system/deployments/coredns", body: patch,
                contentType: "application/strategic-merge-patch+json"
            ).status == 200)
        await sim.advance(minutes: 2)
        let before = SimHarness.oomRestarts(await sim.pods("kube-system", label: "app%3Dkube-dns"))
        await sim.advance(minutes: 10)
        let after = await sim.pods("kube-system", label: "app%3Dkube-dns")
        #expect(SimHarness.oomRestarts(after) == before, "no OOM kill after the limit was raised")
        #expect(after.allSatisfy { $0[path: ["status", "containerStatuses"]]?[0]?["ready"] == .bool(true) })
    }

    @Test func ingressReplicasAreAllOOMKilledUnderInflightRequests() async throws {
        let sim = try SimHarness("ingress-inflight-oom")
        await sim.advance(minutes: 6)
        let pods = await sim.pods("kube-system", label: "app%3Dskipper-ingress")
        #expect(pods.count == 3)
        #expect(pods.allSatisfy { SimHarness.oomRestarts([$0]) >= 1 }, "every replica OOM-killed")
        #expect(
            pods.allSatisfy {
                $0[path: ["spec", "containers"]]?[0]?[path: ["resources", "limits", "memory"]] == .string("500Mi")
            })
    }

    @Test func credentialsProviderIsThrottledAndNewPodsFailToMount() async throws {
        let sim = try SimHarness("credentials-cpu-throttling")
        let first = await throttling(sim)
        await sim.advance(minutes: 10)
        let second = await throttling(sim)
        let periods = second.periods - first.periods
        #expect(periods > 0)
        #expect(
            Double(second.throttled - first.throttled) / Double(periods) > 0.25, "throttled over 25% of CFS periods")
        let mounts =
            await sim.get("/api/v1/namespaces/shop/events?fieldSelector=reason%3DFailedMount")["items"]?.arrayValue
            ?? []
        #expect(!mounts.isEmpty)
        #expect(mounts.first?["message"]?.stringValue?.contains("MountVolume.SetUp failed") == true)
    }

    /// Sums the provider's CFS counters from every node's cAdvisor endpoint.
    private func throttling(_ sim: SimHarness) async -> (periods: Int, throttled: Int) {
        var periods = 0
        var throttled = 0
        for node in ["node-1", "node-2", "node-3", "node-4"] {
            let text = await sim.request("GET", "/api/v1/nodes/\(node)/proxy/metrics/cadvisor").text
            for line in text.split(separator: "\n") where line.contains("pod=\"credentials-provider") {
                let value = Int(line.split(separator: " ")[1]) ?? 0
                if line.hasPrefix("container_cpu_cfs_periods_total") { periods += value }
                if line.hasPrefix("container_cpu_cfs_throttled_periods_total") { throttled += value }
            }
        }
        return (periods, throttled)
    }

    @Test func leakingKubeletBringsPressureThenNotReadyThenEvictionsThatWaitForIt() async throws {
        let sim = try SimHarness("kubelet-memory-leak")
        var sawPressure = false
        for _ in 0..<48 where !sawPressure {
            await sim.advance(minutes: 0.25)
            let conditions = await sim.get("/api/v1/nodes/node-3")[path: ["status", "conditions"]]?.arrayValue ?? []
            sawPressure = conditions.contains { $0["type"] == "MemoryPressure" && $0["status"] == "True" }
        }
        #expect(sawPressure)
        await sim.advance(minutes: 3)
        let ready = (await sim.get("/api/v1/nodes/node-3")[path: ["status", "conditions"]]?.arrayValue ?? []).first {
            $0["type"] == "Ready"
        }
        #expect(ready?["status"] == .string("Unknown"))
        let oom =
            await sim.get("/api/v1/namespaces/default/events?fieldSelector=reason%3DSystemOOM")["items"]?.arrayValue
            ?? []
        #expect(!oom.isEmpty)
        let onNode = await sim.pods().filter { $0[path: ["spec", "nodeName"]] == .string("node-3") }
        #expect(
            !onNode.isEmpty
                && onNode.allSatisfy { pod in
                    (pod[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                        $0["type"] == "Ready" && $0["status"] == "False"
                    }
                })
        await sim.advance(minutes: 6)
        let remaining = await sim.pods().filter {
            $0[path: ["spec", "nodeName"]] == .string("node-3")
                && $0[path: ["metadata", "ownerReferences"]]?[0]?["kind"] != .string("DaemonSet")
        }
        // As on a real cluster: the dead kubelet cannot confirm, so the evicted pods stay Terminating on the node
        // while their controllers run replacements elsewhere.
        #expect(!remaining.isEmpty && remaining.allSatisfy { $0[path: ["metadata", "deletionTimestamp"]] != nil })
        let frontend = await sim.pods().filter {
            $0[path: ["metadata", "labels", "app"]] == .string("frontend")
                && $0[path: ["metadata", "deletionTimestamp"]] == nil
        }
        #expect(frontend.count == 3 && frontend.allSatisfy { $0[path: ["spec", "nodeName"]] != .string("node-3") })
        // A force delete (grace period 0) removes such a pod at once.
        let stuck = try #require(remaining.first)
        let namespace = stuck[path: ["metadata", "namespace"]]?.stringValue ?? ""
        let name = stuck[path: ["metadata", "name"]]?.stringValue ?? ""
        _ = await sim.request("DELETE", "/api/v1/namespaces/\(namespace)/pods/\(name)?gracePeriodSeconds=0")
        #expect(await sim.pods().allSatisfy { $0[path: ["metadata", "name"]] != .string(name) })
    }

    @Test func apiServerRefusesConnectionsForTwoMinutesThenReturnsWithExpiredHistory() async throws {
        let sim = try SimHarness("apiserver-outage")
        let version = await sim.get("/api/v1/pods")[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        let server = try SimServer(cluster: sim.cluster, tls: false)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        #expect(try await httpStatus(port: port) == 401)
        await sim.advance(minutes: 2)
        #expect(await sim.cluster.isAvailable == false)
        #expect(
            await eventually { (try? await httpStatus(port: port)) == nil }, "connections are refused during the outage"
        )
        await sim.advance(minutes: 2.1)
        #expect(await sim.cluster.isAvailable)
        #expect(
            await eventually { (try? await httpStatus(port: port)) == 401 },
            "the same port answers again after the outage")
        let lines = await sim.watchLines("/api/v1/pods?watch=1&resourceVersion=\(version)", count: 1)
        #expect(lines.first?.contains("\"code\":410") == true, "a watch from before the outage must relist")
        #expect(
            await sim.get("/apis/apps/v1/namespaces/shop/deployments/checkout")[path: ["spec", "replicas"]] == .int(4))
    }

    /// Polls `condition` for up to thirty seconds (the listener closes and reopens asynchronously).
    private func eventually(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<300 {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// The status code of an unauthenticated GET through a new TCP connection; throws when no HTTP answer comes.
    private func httpStatus(port: Int) async throws -> Int {
        let response = try await RawSocket.exchangeOffPool(
            port: port, request: "GET /api/v1/pods HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            readFor: 30)
        guard let code = Int(response.split(separator: " ").dropFirst().first ?? "") else {
            throw RawSocket.Failure(description: "no HTTP response")
        }
        return code
    }

    @Test func runawayCronJobFillsTheNamespaceWithThousandsOfPods() async throws {
        let sim = try SimHarness("cronjob-pod-explosion")
        await sim.advance(minutes: 20)
        let pods = await sim.pods("reports")
        #expect(pods.count >= 1000)
        let pending = pods.filter { $0[path: ["status", "phase"]] == .string("Pending") }
        #expect(!pending.isEmpty, "the nodes are full")
        #expect(await sim.cluster.addedLatency > .zero, "the API server slows down")
    }

    @Test func scaleScenarioServesTheRequestedClusterWithChurn() async throws {
        let sim = try SimHarness("scale", options: ScenarioOptions(nodes: 50, pods: 2000, churnPerSecond: 5))
        let counts = await sim.cluster.objectCounts()
        #expect(counts["nodes"] == 50)
        #expect(counts["pods"] == 2000)
        let version = await sim.cluster.resourceVersion
        await sim.advance(minutes: 0.5)
        #expect(await sim.cluster.resourceVersion > version + 100, "churn produces changes")
        let page = await sim.get("/api/v1/pods?limit=500")
        #expect(page["items"]?.arrayValue?.count == 500)
        #expect(page[path: ["metadata", "continue"]]?.stringValue?.isEmpty == false)
    }

    @Test func sameSeedReplaysTheSameStory() async throws {
        func names(_ seed: UInt64) async throws -> [String] {
            let sim = try SimHarness("coredns-dns-spike", seed: seed)
            await sim.advance(minutes: 4)
            return await sim.pods().compactMap { pod in
                guard let name = pod[path: ["metadata", "name"]]?.stringValue else { return nil }
                return name + ":" + String(SimHarness.oomRestarts([pod]))
            }
        }
        #expect(try await names(7) == names(7))
        #expect(try await names(7) != names(8))
    }
}

@Suite("Controllers")
struct ControllerTests {
    @Test func statefulSetPodsComeUpInOrderAndComeBackWithTheirNames() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let names = await sim.pods("shop", label: "app%3Dcart-redis").compactMap {
            $0[path: ["metadata", "name"]]?.stringValue
        }.sorted()
        #expect(names == ["cart-redis-0", "cart-redis-1"])
        #expect(
            await sim.request("DELETE", "/api/v1/namespaces/shop/pods/cart-redis-0?gracePeriodSeconds=0").status == 200)
        await sim.advance(minutes: 0.5)
        let again = await sim.pods("shop", label: "app%3Dcart-redis")
        #expect(
            again.compactMap { $0[path: ["metadata", "name"]]?.stringValue }.sorted() == [
                "cart-redis-0", "cart-redis-1",
            ])
        #expect(
            await sim.get("/apis/apps/v1/namespaces/shop/statefulsets/cart-redis")[path: ["status", "readyReplicas"]]
                == .int(2))
    }

    @Test func cordonedNodesGetNoNewPods() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        for node in ["node-1", "node-2", "node-3"] {
            _ = await sim.request(
                "PATCH", "/api/v1/nodes/\(node)", body: #"{"spec":{"unschedulable":true}}"#,
                contentType: "application/strategic-merge-patch+json")
        }
        _ = await sim.request(
            "PATCH", "/apis/apps/v1/namespaces/shop/deployments/search/scale", body: #"{"spec":{"replicas":6}}"#,
            contentType: "application/merge-patch+json")
        await sim.advance(minutes: 0.5)
        let placed = await sim.pods("shop", label: "app%3Dsearch").compactMap {
            $0[path: ["spec", "nodeName"]]?.stringValue
        }
        #expect(placed.count == 6)
        #expect(
            placed.filter { $0 != "node-4" }.count <= 2,
            "only the two pods placed before the cordon may be elsewhere: \(placed)")
    }
}
