import Foundation
import TestSupport
import Testing

@testable import ClusterModel

@Suite("Decoding captured kube-apiserver responses")
struct FixtureDecodingTests {
    @Test func podListDecodesEveryPodWithItsListMetadata() throws {
        let list = try ResourceDecoding.decodeList(
            PodSummary.self, from: Fixtures.data("pods-list-all-namespaces.json"), resource: .pods)
        #expect(list.resourceVersion == "225")
        #expect(list.continueToken == nil)
        #expect(list.items.map(\.name).sorted() == ["evict-me", "resize-me", "web-oom"])
    }

    @Test func oomKilledPodKeepsTheFieldsSignalsNeed() throws {
        let pod = try ResourceDecoding.decodeObject(
            PodSummary.self, from: Fixtures.data("pod-get-web-oom.json"), resource: .pods)
        #expect(pod.key == ObjectKey(namespace: "demo", name: "web-oom"))
        #expect(pod.uid == "e9796784-b8cf-4501-8171-32e6dc4d3bf9")
        #expect(pod.nodeName == "node-a")
        #expect(pod.phase == "Running")
        #expect(pod.qosClass == "Burstable")
        #expect(pod.labels["app"] == "web")
        #expect(pod.createdAt == date("2026-11-21T10:09:01Z"))
        #expect(pod.ready?.status == .isFalse)
        #expect(pod.scheduled?.status == .isTrue)
        #expect(
            pod.containers == [
                ContainerSpecSummary(
                    name: "web",
                    resources: ContainerResources(
                        cpuRequestMillis: 100, cpuLimitMillis: 500, memoryRequestBytes: 64 << 20,
                        memoryLimitBytes: 128 << 20))
            ])
        let status = try #require(pod.containerStatuses.first)
        #expect(status.restartCount == 3)
        #expect(status.ready == false)
        #expect(
            status.state
                == .waiting(
                    reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container=web pod=web-oom_demo"
                ))
        #expect(
            status.lastState
                == .terminated(
                    Termination(
                        reason: "OOMKilled", exitCode: 137,
                        startedAt: date("2026-11-21T10:00:02Z"),
                        finishedAt: date("2026-11-21T10:08:22Z"))))
    }

    @Test func evictedPodHasDeletionTimestampAndDisruptionTarget() throws {
        let pod = try ResourceDecoding.decodeObject(
            PodSummary.self, from: Fixtures.data("pod-get-evict-me-after-eviction.json"), resource: .pods)
        #expect(pod.deletionTimestamp == date("2026-11-21T10:09:38Z"))
        #expect(
            pod.disruptionTarget
                == ConditionSummary(
                    status: .isTrue, reason: "EvictionByEvictionAPI",
                    message: "Eviction API: evicting",
                    lastTransitionTime: date("2026-11-21T10:09:08Z")))
    }

    @Test(arguments: [
        "pod-status-patch-oomkilled-response.json", "pod-label-patch-response.json",
        "pod-resize-patch-response.json", "pods-list-continue-page1-token-after-compaction.json",
    ])
    func everyPodResponseDecodes(file: String) throws {
        let data = try Fixtures.data(file)
        if file.contains("list") {
            #expect(try !ResourceDecoding.decodeList(PodSummary.self, from: data, resource: .pods).items.isEmpty)
        } else {
            #expect(try ResourceDecoding.decodeObject(PodSummary.self, from: data, resource: .pods).namespace == "demo")
        }
    }

    @Test func pagedListCarriesContinueTokenUntilTheLastPage() throws {
        let first = try ResourceDecoding.decodeList(
            PodSummary.self, from: Fixtures.data("pods-list-demo-limit1-page1.json"), resource: .pods)
        let last = try ResourceDecoding.decodeList(
            PodSummary.self, from: Fixtures.data("pods-list-demo-limit1-page3.json"), resource: .pods)
        #expect(first.continueToken?.hasPrefix("eyJ2Ijoi") == true)
        #expect(first.remainingItemCount == 2)
        #expect(first.items.map(\.name) == ["evict-me"])
        #expect(last.continueToken == nil)
        #expect(last.items.map(\.name) == ["web-oom"])
    }

    @Test(arguments: [
        "pods-list-demo-limit1-page1.json", "pods-list-demo-limit1-page2.json", "pods-list-demo-limit1-page3.json",
        "nodes-list.json", "events-list-demo.json",
    ])
    func pageHeaderIsReadWithoutDecodingItems(file: String) throws {
        let data = try Fixtures.data(file)
        let header = try #require(ListPageHeader.parse(data))
        #expect(header.resourceVersion == "225")
        if file.contains("pods") {
            let full = try ResourceDecoding.decodeList(PodSummary.self, from: data, resource: .pods)
            #expect(header.continueToken == full.continueToken)
        }
    }

    @Test func nodesDecodeConditionsAllocatableAndTaints() throws {
        let list = try ResourceDecoding.decodeList(
            NodeSummary.self, from: Fixtures.data("nodes-list.json"), resource: .nodes)
        let node = try #require(list.items.first { $0.name == "node-a" })
        #expect(node.key == ObjectKey(namespace: "", name: "node-a"))
        #expect(node.ready?.status == .isTrue)
        #expect(node.ready?.reason == "KubeletReady")
        #expect(node.memoryPressure?.status == .isFalse)
        #expect(node.diskPressure?.status == .isFalse)
        #expect(node.pidPressure?.status == .isFalse)
        #expect(node.allocatableCPUMillis == 3800)
        #expect(node.allocatableMemoryBytes == Int64(16_077_299_712))
        #expect(node.allocatablePods == 110)
        #expect(node.kubeletVersion == "v1.36.2")
        #expect(node.taints == [NodeSummary.Taint(key: "node.kubernetes.io/not-ready", effect: "NoSchedule")])
        #expect(node.isUnschedulable == false)
    }

    @Test func cordonPatchResponseShowsTheNodeUnschedulable() throws {
        let node = try ResourceDecoding.decodeObject(
            NodeSummary.self, from: Fixtures.data("node-cordon-patch-response.json"), resource: .nodes)
        #expect(node.isUnschedulable)
    }

    @Test(arguments: ["events-list-demo.json", "events-list-demo-fieldselector-web-oom.json"])
    func coreEventsDecodeWithLastSeen(file: String) throws {
        let list = try ResourceDecoding.decodeList(EventSummary.self, from: Fixtures.data(file), resource: .events)
        let event = try #require(list.items.first)
        #expect(event.reason == "BackOff")
        #expect(event.type == "Warning")
        #expect(event.count == 3)
        #expect(
            event.involvedObject
                == EventSummary.InvolvedObject(
                    kind: "Pod", namespace: "demo", name: "web-oom",
                    uid: "e9796784-b8cf-4501-8171-32e6dc4d3bf9",
                    fieldPath: "spec.containers{web}"))
        #expect(event.sourceComponent == "kubelet")
        #expect(event.sourceHost == "node-a")
        #expect(event.firstSeen == date("2026-11-21T10:00:02Z"))
        #expect(event.lastSeen == date("2026-11-21T10:08:22Z"))
    }

    @Test func eventCreateResponseDecodes() throws {
        let event = try ResourceDecoding.decodeObject(
            EventSummary.self, from: Fixtures.data("event-create-response.json"), resource: .events)
        #expect(event.namespace == "demo")
        #expect(event.lastSeen != nil)
    }

    @Test func lastSeenPrefersSeriesThenLastTimestampThenEventTimeThenCreation() throws {
        let json = #"""
            {"metadata":{"name":"e","namespace":"n","creationTimestamp":"2026-01-01T00:00:00Z"},
             "eventTime":"2026-01-01T00:00:05.000001Z","series":{"count":9,"lastObservedTime":"2026-01-01T00:10:00.5Z"},
             "involvedObject":{"kind":"Node","name":"n1"},"reason":"SystemOOM"}
            """#
        let event = try ResourceDecoding.decodeObject(EventSummary.self, from: Data(json.utf8), resource: .events)
        #expect(event.lastSeen == date("2026-01-01T00:10:00.5Z"))
        #expect(event.count == 9)
        #expect(event.firstSeen == date("2026-01-01T00:00:05.000001Z"))
        let bare = #"{"metadata":{"name":"e","creationTimestamp":"2026-01-01T00:00:00Z"},"reason":"X"}"#
        #expect(
            try ResourceDecoding.decodeObject(EventSummary.self, from: Data(bare.utf8), resource: .events).lastSeen
                == date("2026-01-01T00:00:00Z"))
    }

    @Test(arguments: [
        "deployment-get-web-after-dryrun.json", "deployment-dryrun-patch-response.json",
        "deployment-rollout-restart-patch-response.json",
    ])
    func deploymentsDecodeReplicaCountsAndTemplateResources(file: String) throws {
        let workload = try ResourceDecoding.decodeObject(
            WorkloadSummary.self, from: Fixtures.data(file), resource: .deployments)
        #expect(workload.kind == "Deployment")
        #expect(workload.key == ObjectKey(namespace: "demo", name: "web"))
        #expect(workload.readyReplicas == 1)
        #expect(workload.availableReplicas == 1)
        #expect(workload.templateContainers.first?.resources.memoryLimitBytes == 128 << 20)
        if file == "deployment-get-web-after-dryrun.json" {
            #expect(workload.desiredReplicas == 2)
            #expect(workload.generation == 2)
            #expect(workload.observedGeneration == 1)
        }
        if file == "deployment-dryrun-patch-response.json" { #expect(workload.desiredReplicas == 5) }
    }

    @Test func listItemsTakeTheirKindFromTheResource() throws {
        let json =
            #"{"metadata":{"resourceVersion":"9"},"items":[{"metadata":{"name":"ds","namespace":"kube-system"},"status":{"desiredNumberScheduled":4,"numberReady":3,"numberAvailable":3,"updatedNumberScheduled":4}}]}"#
        let list = try ResourceDecoding.decodeList(WorkloadSummary.self, from: Data(json.utf8), resource: .daemonSets)
        let ds = try #require(list.items.first)
        #expect(ds.kind == "DaemonSet")
        #expect(ds.desiredReplicas == 4)
        #expect(ds.readyReplicas == 3)
    }

    @Test func podDisruptionBudgetDecodes() throws {
        let json =
            #"{"metadata":{"name":"web-pdb","namespace":"demo","resourceVersion":"7"},"spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"web"}}},"status":{"currentHealthy":1,"desiredHealthy":1,"disruptionsAllowed":0,"expectedPods":2}}"#
        let pdb = try ResourceDecoding.decodeObject(
            PDBSummary.self, from: Data(json.utf8), resource: .podDisruptionBudgets)
        #expect(
            pdb
                == PDBSummary(
                    namespace: "demo", name: "web-pdb", resourceVersion: "7", minAvailable: "1",
                    matchLabels: ["app": "web"], currentHealthy: 1, desiredHealthy: 1,
                    disruptionsAllowed: 0, expectedPods: 2))
    }

    @Test func garbageJSONGivesATypedErrorNamingTheResource() throws {
        let error = #expect(throws: KubeDecodeError.self) {
            try ResourceDecoding.decodeList(
                PodSummary.self, from: Data(#"{"items":[{"metadata":"#.utf8), resource: .pods)
        }
        #expect(error?.resource == "pods")
        #expect(error?.description.hasPrefix("Cannot decode pods response") == true)
    }

    @Test func truncatedFixtureDoesNotCrash() throws {
        let data = try Fixtures.data("pods-list-all-namespaces.json")
        for cut in stride(from: 1, to: data.count, by: 997) {
            #expect(throws: KubeDecodeError.self) {
                try ResourceDecoding.decodeList(PodSummary.self, from: data.prefix(cut), resource: .pods)
            }
        }
    }

    @Test func wrongShapeNamesTheField() throws {
        let json =
            #"{"metadata":{},"items":[{"metadata":{"name":"p"},"status":{"containerStatuses":[{"name":"c","restartCount":"many"}]}}]}"#
        let error = #expect(throws: KubeDecodeError.self) {
            try ResourceDecoding.decodeList(PodSummary.self, from: Data(json.utf8), resource: .pods)
        }
        #expect(error?.field == "items.0.status.containerStatuses.0.restartCount")
    }
}
