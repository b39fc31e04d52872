import Foundation
import TestSupport
import Testing

@testable import ClusterSim

/// The simulator answers as the real kube-apiserver v1.36 did in `../shared/fixtures`.
@Suite("Responses match the captured kube-apiserver fixtures")
struct FixtureShapeTests {
    let sim: SimHarness

    init() throws { sim = try SimHarness("coredns-dns-spike") }

    @Test func notFoundPodIsTheSameStatusObject() async throws {
        let reply = await sim.request("GET", "/api/v1/namespaces/shop/pods/does-not-exist")
        #expect(reply.status == 404)
        #expect(reply.json == (try Fixtures.json("notfound-404-get-pod.json")))
    }

    @Test func notFoundNamespaceIsTheSameStatusObject() async throws {
        let reply = await sim.request("GET", "/api/v1/namespaces/no-such-ns")
        #expect(reply.status == 404)
        #expect(reply.json == (try Fixtures.json("notfound-404-get-namespace.json")))
    }

    @Test func unauthorizedIsTheSameStatusObject() async throws {
        let reply = await sim.request("GET", "/api/v1/namespaces/shop/pods", token: "Bearer wrong-token")
        #expect(reply.status == 401)
        #expect(reply.json == (try Fixtures.json("unauthorized-401-bad-token.json")))
    }

    @Test func creatingAnExistingNodeConflictsLikeTheRealServer() async throws {
        let reply = await sim.request(
            "POST", "/api/v1/nodes", body: #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-a"}}"#)
        #expect(reply.status == 201)
        let again = await sim.request(
            "POST", "/api/v1/nodes", body: #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-a"}}"#)
        #expect(again.status == 409)
        #expect(again.json == (try Fixtures.json("conflict-409-create-existing-node.json")))
    }

    @Test func invalidPodGivesTheSame422WithBothCauses() async throws {
        let reply = await sim.request(
            "POST", "/api/v1/namespaces/shop/pods",
            body: #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"Bad_Name"},"spec":{"containers":[]}}"#)
        #expect(reply.status == 422)
        #expect(reply.json == (try Fixtures.json("invalid-422-create-pod-no-containers.json")))
    }

    @Test func forbiddenHasTheRealMessageShape() async throws {
        let fixture = try Fixtures.json("forbidden-403-viewer-list-pods.json")
        let reply = await sim.request("DELETE", "/api/v1/namespaces/shop/pods/x", token: SimHarness.viewer)
        #expect(reply.status == 403)
        #expect(Fixtures.keyPaths(reply.json).isSuperset(of: Fixtures.keyPaths(fixture)))
        #expect(
            reply.json["message"]
                == .string(
                    "pods \"x\" is forbidden: User \"viewer\" cannot delete resource \"pods\" in API group \"\" in the namespace \"shop\""
                ))
    }

    @Test func podsHaveTheRealServersFields() async throws {
        await sim.advance(minutes: 4)
        let pods = await sim.pods("kube-system", label: "app%3Dkube-dns")
        let missing = Fixtures.missingPaths(
            try Fixtures.json("pod-get-web-oom.json"), in: pods,
            ignoring: [
                "apiVersion", "kind",  // list items carry neither, as on the real server
                // field managers and the fixture's own labels
                "metadata.managedFields", "metadata.annotations", "metadata.labels.",
                // the projected service-account token volume is not simulated
                "spec.volumes", "spec.containers[].volumeMounts",
                // CoreDNS has no CPU limit
                "spec.containers[].resources.limits.cpu", "status.containerStatuses[].resources.limits.cpu",
                "status.conditions[].lastProbeTime",
            ])
        #expect(missing.isEmpty, "missing: \(missing)")
    }

    @Test func nodesHaveTheRealServersFields() async throws {
        let nodes = await sim.get("/api/v1/nodes")["items"]?.arrayValue ?? []
        let fixture = try Fixtures.json("nodes-list.json")
        let missing = Fixtures.missingPaths(
            fixture["items"]?[0] ?? .null, in: nodes,
            ignoring: ["metadata.managedFields", "metadata.annotations", "spec.taints"])
        #expect(missing.isEmpty, "missing: \(missing)")
        #expect(
            Set(fixture.objectValue?.keys.map { $0 } ?? [])
                == Set((await sim.get("/api/v1/nodes")).objectValue?.keys.map { $0 } ?? []))
    }

    @Test func paginationCarriesContinueAndRemainingCountUntilTheLastPage() async throws {
        let fixture = try Fixtures.json("pods-list-demo-limit1-page1.json")
        let first = await sim.get("/api/v1/namespaces/kube-system/pods?limit=1")
        #expect(Fixtures.keyPaths(fixture["metadata"] ?? .null) == Fixtures.keyPaths(first["metadata"] ?? .null))
        var token = first[path: ["metadata", "continue"]]?.stringValue
        var names = [first["items"]?[0]?[path: ["metadata", "name"]]?.stringValue]
        while let current = token {
            let page = await sim.get("/api/v1/namespaces/kube-system/pods?limit=1&continue=\(current)")
            #expect(page[path: ["metadata", "resourceVersion"]] == first[path: ["metadata", "resourceVersion"]])
            names.append(page["items"]?[0]?[path: ["metadata", "name"]]?.stringValue)
            token = page[path: ["metadata", "continue"]]?.stringValue
        }
        #expect(names.count == (await sim.pods("kube-system")).count)
        #expect(names == names.sorted { ($0 ?? "") < ($1 ?? "") })
    }

    @Test func expiredContinueTokenIsA410() async throws {
        let first = await sim.get("/api/v1/namespaces/kube-system/pods?limit=1")
        _ = await sim.request(
            "PATCH", "/api/v1/nodes/node-1", body: #"{"metadata":{"labels":{"triaged":"true"}}}"#,
            contentType: "application/merge-patch+json")
        await sim.cluster.expireHistory()
        let token = first[path: ["metadata", "continue"]]?.stringValue ?? ""
        let reply = await sim.request("GET", "/api/v1/namespaces/kube-system/pods?limit=1&continue=\(token)")
        #expect(reply.status == 410)
        #expect(reply.json["reason"] == (try Fixtures.json("pods-list-continue-token-expired-410.json"))["reason"])
    }

    @Test func watchFromACompactedVersionGetsOneErrorEventWith410() async throws {
        let fixture = try Fixtures.text("pods-watch-too-old-rv-410.ndjson").split(separator: "\n").map {
            try JSONValue(parsing: Data($0.utf8))
        }
        await sim.cluster.expireHistory()
        let lines = await sim.watchLines("/api/v1/namespaces/shop/pods?watch=1&resourceVersion=2", count: 1)
        #expect(lines.count == 1)
        let event = try JSONValue(parsing: Data(lines[0].utf8))
        #expect(Fixtures.keyPaths(event) == Fixtures.keyPaths(fixture[0]))
        #expect(
            event["type"] == "ERROR" && event[path: ["object", "code"]] == .int(410)
                && event[path: ["object", "reason"]] == "Expired")
    }

    @Test func watchEventsAreOneJSONObjectPerLineWithKindAndVersion() async throws {
        let fixture = try Fixtures.text("pods-watch-demo.ndjson").split(separator: "\n").map {
            try JSONValue(parsing: Data($0.utf8))
        }
        let version =
            await sim.get("/api/v1/namespaces/kube-system/pods")[path: ["metadata", "resourceVersion"]]?.stringValue
            ?? ""
        let lines = await sim.watchLines(
            "/api/v1/namespaces/kube-system/pods?watch=1&allowWatchBookmarks=true&resourceVersion=\(version)",
            count: 2, whileStepping: 200)
        #expect(lines.count == 2)
        for line in lines {
            let event = try JSONValue(parsing: Data(line.utf8))
            #expect(event["type"] == "MODIFIED")
            #expect(event[path: ["object", "kind"]] == fixture[0][path: ["object", "kind"]])
            #expect(event[path: ["object", "apiVersion"]] == "v1")
            #expect(event.objectValue?.keys.sorted() == fixture[0].objectValue?.keys.sorted())
        }
    }

    @Test func streamingListEndsItsInitialEventsWithTheAnnotatedBookmark() async throws {
        let fixture = try Fixtures.text("pods-watchlist-sendinitialevents.ndjson").split(separator: "\n").map {
            try JSONValue(parsing: Data($0.utf8))
        }
        let count = (await sim.pods("shop")).count
        let lines = await sim.watchLines(
            "/api/v1/namespaces/shop/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true",
            count: count + 1)
        let last = try JSONValue(parsing: Data(lines[count].utf8))
        #expect(last["type"] == "BOOKMARK")
        #expect(
            last[path: ["object", "metadata", "annotations", "k8s.io/initial-events-end"]]
                == fixture.last?[path: ["object", "metadata", "annotations", "k8s.io/initial-events-end"]])
    }

    @Test func tablesHaveTheSameColumnsAsTheRealServer() async throws {
        let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"
        for (uri, name) in [
            ("/api/v1/namespaces/shop/pods", "pods-table-demo.json"), ("/api/v1/nodes", "nodes-table.json"),
        ] {
            let fixture = try Fixtures.json(name)
            let table = await sim.request("GET", uri, accept: accept).json
            #expect(table["kind"] == "Table")
            #expect(
                table["columnDefinitions"]?.arrayValue?.map { $0["name"] }
                    == fixture["columnDefinitions"]?.arrayValue?.map { $0["name"] })
            #expect(table["rows"]?[0]?[path: ["object", "kind"]] == fixture["rows"]?[0]?[path: ["object", "kind"]])
        }
    }

    @Test func aggregatedDiscoveryHasTheRealShape() async throws {
        let fixture = try Fixtures.json("discovery-apis-aggregated.json")
        let reply = await sim.request(
            "GET", "/apis",
            accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")
        #expect(reply.header("Content-Type") == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        let apps = { (list: JSONValue) in list["items"]?.arrayValue?.first { $0[path: ["metadata", "name"]] == "apps" }
        }
        let ours = Fixtures.keyPaths(apps(reply.json) ?? .null)
        let theirs = Fixtures.keyPaths(apps(fixture) ?? .null)
        #expect(theirs.subtracting(ours).isEmpty, "missing \(theirs.subtracting(ours).sorted())")
        let core = await sim.get("/api/v1")["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(Set(["pods/eviction", "pods/resize", "pods/status", "nodes/proxy", "pods"]).isSubset(of: Set(core)))
    }

    @Test func evictionAnswersLikeTheRealServerAndPDBsBlockIt() async throws {
        await sim.advance(minutes: 0.2)
        let pods = await sim.pods("shop", label: "app%3Dcheckout")
        let body = { (name: String) in
            #"{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"\#(name)","namespace":"shop"}}"#
        }
        let first = pods[0][path: ["metadata", "name"]]?.stringValue ?? ""
        let evicted = await sim.request("POST", "/api/v1/namespaces/shop/pods/\(first)/eviction", body: body(first))
        #expect(evicted.status == 201)
        #expect(evicted.json == (try Fixtures.json("pod-eviction-response.json")))
        let after = await sim.get("/api/v1/namespaces/shop/pods/\(first)")
        #expect(after[path: ["metadata", "deletionTimestamp"]] != nil)
        #expect(
            (after[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                $0["type"] == "DisruptionTarget" && $0["reason"] == "EvictionByEvictionAPI"
            })

        let second = pods[1][path: ["metadata", "name"]]?.stringValue ?? ""
        let blocked = await sim.request("POST", "/api/v1/namespaces/shop/pods/\(second)/eviction", body: body(second))
        let fixture = try Fixtures.json("pod-eviction-dryrun-blocked-by-pdb-429.json")
        #expect(blocked.status == 429)
        #expect(blocked.json["reason"] == fixture["reason"] && blocked.json["message"] == fixture["message"])
        #expect(blocked.json[path: ["details", "causes"]]?[0]?["reason"] == "DisruptionBudget")
    }

    /// Right after a budget changes, before its controller observes the new generation, the real server refuses
    /// the evictions it covers with the fixture's "still being processed" 429 and a Retry-After of 10 s.
    @Test func aBudgetNotYetObservedRefusesEvictionsLikeTheRealServer() async throws {
        await sim.advance(minutes: 0.2)
        let patched = await sim.request(
            "PATCH", "/apis/policy/v1/namespaces/shop/poddisruptionbudgets/frontend-pdb",
            body: #"{"spec":{"minAvailable":1}}"#, contentType: "application/merge-patch+json")
        #expect(patched.status == 200)
        let pod = await sim.pods("shop", label: "app%3Dfrontend")[0][path: ["metadata", "name"]]?.stringValue ?? ""
        let body = #"{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"\#(pod)","namespace":"shop"}}"#
        let blocked = await sim.request("POST", "/api/v1/namespaces/shop/pods/\(pod)/eviction", body: body)
        let fixture = try Fixtures.text("pod-eviction-dryrun-blocked-by-pdb-429.json")
            .replacingOccurrences(of: "web-pdb", with: "frontend-pdb")
        #expect(blocked.status == 429)
        #expect(blocked.json == (try JSONValue(parsing: Data(fixture.utf8))))
        #expect(blocked.header("Retry-After") == "10")
        await sim.advance(minutes: 0.1)
        let later = await sim.request("POST", "/api/v1/namespaces/shop/pods/\(pod)/eviction", body: body)
        #expect(later.status == 201, "once observed, the budget allows it")
    }

    @Test func accessReviewsMatchTheFixtures() async throws {
        let body =
            #"{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"namespace":"demo","verb":"delete","resource":"pods"}}}"#
        let admin = await sim.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: body)
        let viewer = await sim.request(
            "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: body, token: SimHarness.viewer)
        #expect(admin.status == 201 && viewer.status == 201)
        #expect(
            admin.json[path: ["status", "allowed"]]
                == (try Fixtures.json("selfsubjectaccessreview-admin-allowed.json"))[path: ["status", "allowed"]])
        let denied = try Fixtures.json("selfsubjectaccessreview-viewer-denied.json")
        #expect(viewer.json["status"] == denied["status"])
        #expect(viewer.json["spec"] == denied["spec"])
    }

    @Test func dryRunPatchShowsTheResultButChangesNothing() async throws {
        let before = await sim.get("/apis/apps/v1/namespaces/shop/deployments/frontend")
        let reply = await sim.request(
            "PATCH", "/apis/apps/v1/namespaces/shop/deployments/frontend?dryRun=All&fieldManager=kubectl-patch",
            body: #"{"spec":{"replicas":5}}"#, contentType: "application/merge-patch+json")
        #expect(reply.status == 200)
        #expect(reply.json[path: ["spec", "replicas"]] == .int(5))
        #expect(
            reply.json[path: ["metadata", "generation"]]
                == .int((before[path: ["metadata", "generation"]]?.intValue ?? 0) + 1))
        let after = await sim.get("/apis/apps/v1/namespaces/shop/deployments/frontend")
        #expect(after[path: ["spec", "replicas"]] == .int(3))
        #expect(after[path: ["metadata", "resourceVersion"]] == before[path: ["metadata", "resourceVersion"]])
    }

    @Test func resizeChangesResourcesInPlaceAndBumpsTheGeneration() async throws {
        await sim.advance(minutes: 0.2)
        let pod = (await sim.pods("shop", label: "app%3Dcheckout"))[0]
        let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
        let patch =
            #"{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"250m"},"limits":{"cpu":"600m"}}}]}}"#
        let reply = await sim.request(
            "PATCH", "/api/v1/namespaces/shop/pods/\(name)/resize", body: patch,
            contentType: "application/strategic-merge-patch+json")
        #expect(reply.status == 200)
        #expect(reply.json[path: ["metadata", "generation"]] == .int(2))
        #expect(reply.json[path: ["spec", "containers"]]?[0]?[path: ["resources", "limits", "cpu"]] == "600m")
        let mainPatch = #"{"spec":{"containers":[{"name":"app","resources":{"limits":{"cpu":"900m"}}}]}}"#
        let sameThroughMain = await sim.request(
            "PATCH", "/api/v1/namespaces/shop/pods/\(name)", body: mainPatch,
            contentType: "application/strategic-merge-patch+json")
        #expect(sameThroughMain.status == 422, "pod resources change only through the resize subresource")
    }

    @Test func cordonPatchReturnsTheNodeLikeTheRealServer() async throws {
        let fixture = try Fixtures.json("node-cordon-patch-response.json")
        let reply = await sim.request(
            "PATCH", "/api/v1/nodes/node-1?fieldManager=kubectl-cordon", body: #"{"spec":{"unschedulable":true}}"#,
            contentType: "application/strategic-merge-patch+json")
        #expect(reply.json["kind"] == fixture["kind"] && reply.json["apiVersion"] == fixture["apiVersion"])
        #expect(reply.json[path: ["spec", "unschedulable"]] == fixture[path: ["spec", "unschedulable"]])
    }

    @Test func eventsServeTheSameObjectsThroughBothAPIs() async throws {
        await sim.advance(minutes: 4)
        let core = await sim.get("/api/v1/namespaces/kube-system/events")["items"]?.arrayValue ?? []
        let modern = await sim.get("/apis/events.k8s.io/v1/namespaces/kube-system/events")["items"]?.arrayValue ?? []
        #expect(!core.isEmpty && core.count == modern.count)
        let fixture = try Fixtures.json("events-k8s-io-v1-list-demo.json")["items"]?[0] ?? .null
        for key in [
            "regarding", "note", "reason", "type", "reportingController", "deprecatedCount", "deprecatedLastTimestamp",
        ] {
            #expect(fixture[key] != nil && modern[0][key] != nil, "events.k8s.io field \(key)")
        }
        let coreFixture = try Fixtures.json("events-list-demo.json")["items"]?[0] ?? .null
        let missing = Fixtures.missingPaths(
            coreFixture, in: core,
            ignoring: ["metadata.managedFields", "eventTime", "reportingInstance", "involvedObject.resourceVersion"])
        #expect(missing.isEmpty, "missing: \(missing)")
    }
}
