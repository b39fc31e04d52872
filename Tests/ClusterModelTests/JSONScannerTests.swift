import Foundation
import TestSupport
import Testing

@testable import ClusterModel

@Suite("Fast list decoding agrees with Codable")
struct JSONScannerTests {
    static let podLists = [
        "pods-list-all-namespaces.json", "pods-list-demo-limit1-page1.json", "pods-list-demo-limit1-page2.json",
        "pods-list-demo-limit1-page3.json", "pods-list-continue-page1-token-after-compaction.json",
    ]

    @Test(arguments: podLists)
    func podListScanMatchesCodable(file: String) throws {
        let data = try Fixtures.data(file)
        let fast = try #require(ResourceDecoding.scanList(PodSummary.self, from: data, resource: .pods))
        let reference = try JSONDecoder().decode(ObjectList<PodSummary>.self, from: data)
        #expect(fast.items == reference.items)
        #expect(fast.resourceVersion == reference.resourceVersion)
        #expect(fast.continueToken == reference.continueToken)
        #expect(fast.remainingItemCount == reference.remainingItemCount)
    }

    @Test func nodeListScanMatchesCodable() throws {
        let data = try Fixtures.data("nodes-list.json")
        let fast = try #require(ResourceDecoding.scanList(NodeSummary.self, from: data, resource: .nodes))
        #expect(fast.items == (try JSONDecoder().decode(ObjectList<NodeSummary>.self, from: data).items))
    }

    @Test(arguments: ["events-list-demo.json", "events-list-demo-fieldselector-web-oom.json"])
    func eventListScanMatchesCodable(file: String) throws {
        let data = try Fixtures.data(file)
        let fast = try #require(ResourceDecoding.scanList(EventSummary.self, from: data, resource: .events))
        #expect(fast.items == (try JSONDecoder().decode(ObjectList<EventSummary>.self, from: data).items))
    }

    @Test(arguments: [
        "deployment-get-web-after-dryrun.json", "deployment-dryrun-patch-response.json",
        "deployment-rollout-restart-patch-response.json",
    ])
    func deploymentScanMatchesCodable(file: String) throws {
        let object = try Fixtures.text(file)
        let data = Data(#"{"metadata":{"resourceVersion":"1"},"items":[\#(object)]}"#.utf8)
        let fast = try #require(ResourceDecoding.scanList(WorkloadSummary.self, from: data, resource: .deployments))
        let reference = try ResourceDecoding.decode(
            ObjectList<WorkloadSummary>.self, from: data, resource: .deployments)
        #expect(fast.items == reference.items)
    }

    @Test func daemonSetListTakesItsKindFromTheResource() throws {
        let json =
            #"{"metadata":{"resourceVersion":"9"},"items":[{"metadata":{"name":"ds","namespace":"kube-system"},"status":{"desiredNumberScheduled":4,"numberReady":3,"numberAvailable":3,"updatedNumberScheduled":4}}]}"#
        let fast = try #require(
            ResourceDecoding.scanList(WorkloadSummary.self, from: Data(json.utf8), resource: .daemonSets))
        #expect(fast.items.first?.kind == "DaemonSet")
        #expect(fast.items.first?.desiredReplicas == 4)
    }

    @Test func eventWithSeriesScansLikeCodable() throws {
        let json =
            #"{"metadata":{"resourceVersion":"3"},"items":[{"metadata":{"name":"e","namespace":"n","creationTimestamp":"2026-01-01T00:00:00Z"},"eventTime":"2026-01-01T00:00:05.000001Z","series":{"count":9,"lastObservedTime":"2026-01-01T00:10:00.5Z"},"involvedObject":{"kind":"Node","name":"n1"},"reason":"SystemOOM","reportingComponent":"kubelet"}]}"#
        let data = Data(json.utf8)
        let fast = try #require(ResourceDecoding.scanList(EventSummary.self, from: data, resource: .events))
        #expect(fast.items == (try JSONDecoder().decode(ObjectList<EventSummary>.self, from: data).items))
        #expect(fast.items.first?.count == 9)
    }

    @Test(arguments: [
        "pods-watch-demo.ndjson", "pods-watch-rv1-fresh-cache-replay.ndjson", "pods-watchlist-sendinitialevents.ndjson",
    ])
    func watchLineScanMatchesCodable(file: String) throws {
        for line in try Fixtures.data(file).split(separator: 10) {
            let fast = try #require(ResourceDecoding.scanWatchEvent(PodSummary.self, from: Data(line), resource: .pods))
            let reference = try JSONDecoder().decode(WatchEvent<PodSummary>.self, from: Data(line))
            #expect(fast.resourceVersion == reference.resourceVersion)
            switch (fast, reference) {
            case (.added(let a), .added(let b)), (.modified(let a), .modified(let b)),
                (.deleted(let a), .deleted(let b)):
                #expect(a == b)
            case (.bookmark(let a, let x), .bookmark(let b, let y)):
                #expect(a == b && x == y)
            default:
                Issue.record("event types differ")
            }
        }
    }

    @Test func errorEventsFallBackToCodable() throws {
        let line = try Fixtures.data("pods-watch-too-old-rv-410.ndjson")
        #expect(ResourceDecoding.scanWatchEvent(PodSummary.self, from: line, resource: .pods) == nil)
        guard
            case .error(let error) = try ResourceDecoding.decodeWatchEvent(PodSummary.self, from: line, resource: .pods)
        else {
            Issue.record("expected ERROR")
            return
        }
        #expect(error.code == 410)
    }

    @Test func escapedStringsAreDecoded() throws {
        let json =
            #"{"metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"p","labels":{"k":"a\"b\\c\u00e9\ud83d\ude00\n"}}}]}"#
        let list = try #require(ResourceDecoding.scanList(PodSummary.self, from: Data(json.utf8), resource: .pods))
        #expect(list.items.first?.labels["k"] == "a\"b\\cé😀\n")
    }

    /// Quotes and backslashes at every offset within and across the eight-byte words the string search reads.
    @Test(arguments: 0..<20)
    func escapesAtEveryOffsetMatchCodable(padding: Int) throws {
        let filler = String(repeating: "x", count: padding)
        let values = [filler + #"\""#, filler + #"\\"#, #"\\\""# + filler, filler + #"é\\\"ü"# + filler, filler]
        for value in values {
            let json =
                #"{"metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"p\#(filler)","labels":{"k\#(filler)":"\#(value)"}},"status":{"phase":"Running"}}]}"#
            let data = Data(json.utf8)
            let fast = try #require(ResourceDecoding.scanList(PodSummary.self, from: data, resource: .pods))
            #expect(
                fast.items == (try JSONDecoder().decode(ObjectList<PodSummary>.self, from: data).items),
                "value \(value)")
            #expect(fast.items.first?.phase == "Running")
        }
    }

    static let rejected = [
        #"{"items":[{"metadata":{"name":"p"}}"#, #"{"items":[{"metadata":{}}]}"#, "", "[]",
        #"{"items":[{"metadata":{"name":"p"}}]} x"#,
        #"{"items":[{"metadata":{"name":"p"},"status":{"containerStatuses":[{"restartCount":1.5}]}}]}"#,
        #"{"items":[{"metadata":{"name":"p\"}}]}"#, #"{"items":[{"metadata":{"name":"abcdefghijklmnop"#,
    ]

    @Test(arguments: rejected)
    func malformedInputIsRejectedByTheScannerAndReportedByCodable(json: String) {
        #expect(ResourceDecoding.scanList(PodSummary.self, from: Data(json.utf8), resource: .pods) == nil)
        #expect(throws: KubeDecodeError.self) {
            try ResourceDecoding.decodeList(PodSummary.self, from: Data(json.utf8), resource: .pods)
        }
    }
}
