import ClusterModel
import Foundation
import Runbooks
import TestSupport
import Testing

@Suite("Write failures")
struct WriteFailureTests {
    @Test func theServersConflictAndResizeRefusalsAreClassified() throws {
        let conflict = KubeAPIError.from(
            httpStatus: 409, body: try Fixtures.data("deployment-patch-stale-resourceversion-409.json"),
            retryAfterHeader: nil)
        #expect(conflict.isConflict)
        #expect(WriteFailure(.api(conflict, path: "/x")) == .conflict(conflict.description))
        let resize = KubeAPIError.from(
            httpStatus: 422, body: try Fixtures.data("pod-resize-patch-422-node-without-resize-support.json"),
            retryAfterHeader: nil)
        guard case .rejected(422, let message) = WriteFailure(.api(resize, path: "/x")) else {
            Issue.record("a 422 is a refusal")
            return
        }
        #expect(message.contains("Pod running on node without support for resize"))
        let budget = KubeAPIError.from(
            httpStatus: 429, body: try Fixtures.data("pod-eviction-dryrun-blocked-by-pdb-429.json"),
            retryAfterHeader: "10")
        #expect(budget.disruptionBudgetMessage != nil)
        #expect(WriteFailure(.api(budget, path: "/x")).status == 429)
        guard case .blockedByBudget(let name, let message, let retryAfter) = WriteFailure(.api(budget, path: "/x"))
        else {
            Issue.record("a budget's 429 names the budget")
            return
        }
        #expect(name == "web-pdb" && retryAfter == 10)
        #expect(
            message
                == "TooManyRequests: Cannot evict pod as it would violate the pod's disruption budget. The disruption "
                + "budget web-pdb is still being processed by the server.")
    }
}
