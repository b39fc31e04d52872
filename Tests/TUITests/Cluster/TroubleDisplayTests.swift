import Foundation
import Testing

@testable import ClusterModel
@testable import TUI

/// Trouble is said where the engineer looks: the header names the problem and the next retry; a pane whose
/// resource may not be read says why instead of looking like an empty cluster.
@Suite struct TroubleDisplayTests {
    @Test(arguments: [
        (ConnectionProblem(kind: .refused, message: "connection refused"), "connection refused; retry in 4s"),
        (
            ConnectionProblem(kind: .tls, message: "TLS: certificate signed by an unknown authority"),
            "TLS: certificate signed by an unknown authority (context prod-eu); retry in 4s"
        ),
        (
            ConnectionProblem(kind: .unauthorized, message: "401 Unauthorized: the credentials were rejected"),
            "401 Unauthorized: the credentials were rejected; retry in 4s"
        ),
    ])
    func theHeaderSaysWhyAndWhenTheNextTryIs(problem: ConnectionProblem, text: String) {
        var status = SampleCluster.status
        status.health = ConnectionHealth()
        status.retry = (.seconds(6), SampleCluster.ago(2))
        status.problem = problem
        let segment = status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now).segments[3]
        #expect(segment == HeaderSegment(text, role: .headerStale))
    }

    @Test func aForbiddenNodeListIsSaidInTheNodesPane() {
        var data = SampleCluster.data
        let reason = "forbidden: user view cannot list nodes at the cluster scope"
        var health = data.snapshot.health
        health.unavailableResources["nodes"] = reason
        data.snapshot = ClusterSnapshot(pods: SampleCluster.pods, health: health)
        var console = ClusterConsole()
        let state = ClusterConsole.initialState(size: Size(width: 80, height: 24))
        _ = console.update(ClusterRows(data), data: data, state: state)
        #expect(console.nodes.rowCount == 0)
        #expect(console.nodes.emptyMessage == reason)
        #expect(console.pods.emptyMessage == "No pods")
    }
}
