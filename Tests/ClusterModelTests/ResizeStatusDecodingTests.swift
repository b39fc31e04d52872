import Foundation
import Testing

@testable import ClusterModel

/// The pod fields in-place resize verification reads, the same from the fast scanner and from Codable.
@Suite("Resize status decoding")
struct ResizeStatusDecodingTests {
    static let pod = #"""
        {"metadata":{"name":"web-1","namespace":"demo","uid":"u","resourceVersion":"5","generation":3},
         "spec":{"containers":[{"name":"app","resources":{"limits":{"memory":"256Mi"}}}]},
         "status":{"phase":"Running","observedGeneration":2,
          "conditions":[{"type":"PodResizePending","status":"True","reason":"Infeasible","message":"Node didn't have enough capacity"},
                        {"type":"PodResizeInProgress","status":"True","reason":"Error","message":"boom"}],
          "containerStatuses":[{"name":"app","ready":true,"restartCount":0,
            "resources":{"requests":{"memory":"128Mi"},"limits":{"memory":"192Mi","cpu":"500m"}}}]}}
        """#

    @Test func bothDecodersReadGenerationsResizeConditionsAndAppliedResources() throws {
        let reference = try ResourceDecoding.decodeObject(PodSummary.self, from: Data(Self.pod.utf8), resource: .pods)
        let list = #"{"metadata":{"resourceVersion":"5"},"items":["# + Self.pod + "]}"
        let fast = try #require(
            try ResourceDecoding.decodeList(PodSummary.self, from: Data(list.utf8), resource: .pods).items.first)
        for pod in [reference, fast] {
            #expect(pod.generation == 3 && pod.observedGeneration == 2)
            #expect(pod.resizePending?.reason == "Infeasible" && pod.resizePending?.status == .isTrue)
            #expect(pod.resizeInProgress?.message == "boom")
            #expect(
                pod.containerStatuses.first?.resources
                    == ContainerResources(
                        cpuLimitMillis: 500, memoryRequestBytes: 128 * 1_048_576, memoryLimitBytes: 192 * 1_048_576))
        }
        #expect(fast == reference)
    }
}
