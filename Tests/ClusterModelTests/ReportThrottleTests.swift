import Foundation
import Testing

@testable import ClusterModel

@Suite("Report throttle")
struct ReportThrottleTests {
    @Test func reportsAtMostOncePerInterval() {
        let throttle = ReportThrottle(interval: 5)
        let results = [0.0, 1, 4.9, 5, 6, 11].map { throttle.shouldReport(now: referenceNow.addingTimeInterval($0)) }
        #expect(results == [true, false, false, true, false, true])
    }
}
