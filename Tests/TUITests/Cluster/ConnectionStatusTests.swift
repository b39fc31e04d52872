import ClusterModel
import Foundation
import Testing

@testable import TUI

@Suite struct ConnectionStatusTests {
    @Test func reconnectingCountsDownFromTheLastReport() {
        var status = SampleCluster.status
        status.retry = (.seconds(8), SampleCluster.ago(3))
        let segment = status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now).segments[3]
        #expect(segment == HeaderSegment("reconnecting in 5s", role: .headerWarn))
    }

    @Test func connectedOnceEveryResourceIsListed() {
        let segment = SampleCluster.status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now)
            .segments[3]
        #expect(segment == HeaderSegment("connected", role: .headerOK))
    }

    @Test func readOnlyIsShownInTheHeader() {
        var status = SampleCluster.status
        status.isReadOnly = true
        #expect(
            status.header(wallClock: SampleCluster.now, clusterClock: SampleCluster.now).segments.last?.text
                == "read-only")
    }
}
