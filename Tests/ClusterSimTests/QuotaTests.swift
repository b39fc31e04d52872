import Foundation
import Testing

@testable import ClusterSim

/// ResourceQuota and LimitRange admission, the quota controller, and the scenarios' quotas.
@Suite("Quotas and limit ranges")
struct QuotaTests {
    static func pod(_ name: String, cpu: String? = nil) -> String {
        let resources = cpu.map { #","resources":{"requests":{"cpu":"\#($0)"}}"# } ?? ""
        return
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"\#(name)"},"spec":{"containers":[{"name":"app","image":"nginx"\#(resources)}]}}"#
    }

    static func quota(_ hard: String) -> String {
        #"{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"small"},"spec":{"hard":\#(hard)}}"#
    }

    @Test func aPodOverTheQuotaIsRefusedWithTheRealMessage() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        #expect(
            await sim.request("POST", "/api/v1/namespaces/default/resourcequotas", body: Self.quota(#"{"pods":"1"}"#))
                .status == 201)
        #expect(await sim.request("POST", "/api/v1/namespaces/default/pods", body: Self.pod("a")).status == 201)
        let refused = await sim.request("POST", "/api/v1/namespaces/default/pods", body: Self.pod("b"))
        #expect(refused.status == 403)
        #expect(
            refused.json
                == [
                    "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
                    "message":
                        "pods \"b\" is forbidden: exceeded quota: small, requested: pods=1, used: pods=1, limited: pods=1",
                    "reason": "Forbidden", "details": ["name": "b", "kind": "pods"], "code": 403,
                ])
        let dryRun = await sim.request("POST", "/api/v1/namespaces/default/pods?dryRun=All", body: Self.pod("c"))
        #expect(dryRun.status == 403)
    }

    @Test func theQuotaControllerKeepsUsageAndFreesItWhenPodsGo() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        _ = await sim.request(
            "POST", "/api/v1/namespaces/default/resourcequotas", body: Self.quota(#"{"pods":"5","requests.cpu":"1"}"#))
        _ = await sim.request("POST", "/api/v1/namespaces/default/pods", body: Self.pod("a", cpu: "300m"))
        _ = await sim.request("POST", "/api/v1/namespaces/default/pods", body: Self.pod("b", cpu: "500m"))
        await sim.cluster.advance(bySeconds: 1)
        let uri = "/api/v1/namespaces/default/resourcequotas/small"
        #expect(
            await sim.get(uri)["status"] == [
                "hard": ["pods": "5", "requests.cpu": "1"], "used": ["pods": "2", "requests.cpu": "800m"],
            ])
        let over = await sim.request("POST", "/api/v1/namespaces/default/pods", body: Self.pod("c", cpu: "300m"))
        #expect(
            over.json["message"]
                == "pods \"c\" is forbidden: exceeded quota: small, requested: requests.cpu=300m, used: requests.cpu=800m, limited: requests.cpu=1"
        )
        let unset = await sim.request("POST", "/api/v1/namespaces/default/pods", body: Self.pod("d"))
        #expect(
            unset.json["message"] == "pods \"d\" is forbidden: failed quota: small: must specify requests.cpu for: app")
        _ = await sim.request("DELETE", "/api/v1/namespaces/default/pods/a?gracePeriodSeconds=0")
        await sim.cluster.advance(bySeconds: 1)
        #expect(await sim.get(uri)[path: ["status", "used", "requests.cpu"]] == "500m")
    }

    @Test func aLimitRangeFillsContainerDefaultsAndRecordsWhatItSet() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let reply = await sim.request("POST", "/api/v1/namespaces/shop/pods", body: Self.pod("plain"))
        #expect(reply.status == 201, "\(reply.text)")
        let container = reply.json[path: ["spec", "containers"]]?[0]
        #expect(container?[path: ["resources", "requests"]] == ["cpu": "100m", "memory": "128Mi"])
        #expect(container?[path: ["resources", "limits"]] == ["memory": "512Mi"])
        #expect(
            reply.json[path: ["metadata", "annotations", "kubernetes.io/limit-ranger"]]
                == "LimitRanger plugin set: cpu, memory request for container app; memory limit for container app")
    }

    @Test(arguments: [
        ("coredns-dns-spike", "shop", true), ("ingress-inflight-oom", "shop", true),
        ("credentials-cpu-throttling", "shop", true), ("kubelet-memory-leak", "shop", true),
        ("apiserver-outage", "shop", true), ("cronjob-pod-explosion", "reports", false),
    ])
    func everyStoryButTheCronJobOneHasANamespaceWithAPodQuota(scenario: String, namespace: String, hasQuota: Bool)
        async throws
    {
        let sim = try SimHarness(scenario)
        let quotas = await sim.get("/api/v1/namespaces/\(namespace)/resourcequotas")["items"]?.arrayValue ?? []
        #expect(quotas.contains { $0[path: ["spec", "hard", "pods"]] != nil } == hasQuota)
    }

    @Test func theScaleScenarioHasAPodQuotaToo() async throws {
        let sim = try SimHarness("scale", options: ScenarioOptions(nodes: 4, pods: 40, churnPerSecond: 0))
        let quotas = await sim.get("/api/v1/resourcequotas")["items"]?.arrayValue ?? []
        #expect(quotas.contains { $0[path: ["spec", "hard", "pods"]] != nil })
    }

    @Test func aPodsPriorityClassSetsItsPriorityAndAnUnknownOneIsRefused() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        func pod(_ name: String, _ className: String) -> String {
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"\#(name)"},"spec":{"priorityClassName":"\#(className)","containers":[{"name":"app","image":"nginx"}]}}"#
        }
        let critical = await sim.request(
            "POST", "/api/v1/namespaces/default/pods", body: pod("a", "system-node-critical"))
        #expect(critical.json[path: ["spec", "priority"]] == .int(2_000_001_000))
        let unknown = await sim.request("POST", "/api/v1/namespaces/default/pods", body: pod("b", "urgent"))
        #expect(unknown.status == 403)
        #expect(unknown.json["message"] == "pods \"b\" is forbidden: no PriorityClass with name urgent was found")
    }

    @Test func everyClusterHasTheSystemPriorityClasses() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let classes = await sim.get("/apis/scheduling.k8s.io/v1/priorityclasses")["items"]?.arrayValue ?? []
        #expect(
            classes.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == [
                "system-cluster-critical", "system-node-critical",
            ])
        #expect(classes.first?["value"] == .int(2_000_000_000))
    }
}
