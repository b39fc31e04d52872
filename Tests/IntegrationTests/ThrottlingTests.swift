import ClusterModel
import Foundation
import Testing

/// CPU throttling from the cAdvisor CFS counters behind the node proxy, held for 15 simulated minutes.
@Suite("CPU throttling over HTTPS")
struct ThrottlingTests {
    @Test func credentialsProviderThrottlingIsReportedAfterBeingHeldFifteenSimulatedMinutes() async throws {
        try await LiveCluster.with("credentials-cpu-throttling", metricsInterval: .milliseconds(100)) { live in
            try await live.advance(seconds: 600, step: 15, pause: .milliseconds(60))
            let metrics = await live.connection.currentMetrics()
            let ratios = metrics.containers.filter { $0.key.namespace == "iam" && $0.key.container == "provider" }
                .compactMap(\.value.cpuThrottleRatio)
            #expect(!ratios.isEmpty && ratios.allSatisfy { $0 > 0.25 }, "throttled over 25% at 10:00: \(ratios)")
            #expect(Self.provider(await live.active(.cpuThrottling)).isEmpty, "not yet held for 15 minutes at 10:00")

            let found = try await live.advance(upTo: 1500, step: 15, pause: .milliseconds(60)) {
                await !Self.provider(live.active(.cpuThrottling)).isEmpty
            }
            #expect(found, "a throttling observation by 35:00")
            let observations = Self.provider(await live.active(.cpuThrottling))
            let elapsed = live.elapsed
            for observation in observations {
                #expect(observation.subject.name.hasPrefix("credentials-provider-"))
                #expect(observation.evidence["alert"] == "CPUThrottlingHigh")
                #expect(observation.evidence["cpuLimit"] == "250m")
                let since = observation.firstSeen.timeIntervalSince(live.start)
                #expect(since >= 60, "throttling begins after the 1:00 scale-down (held since +\(since)s)")
                #expect(elapsed - since >= 900, "held 15 simulated minutes before it is reported")
                #expect(elapsed < 35 * 60)
            }
            #expect(Self.provider(live.observations.all.filter { $0.kind == .cpuThrottling }).count >= 1)
        }
    }

    static func provider(_ observations: [Observation]) -> [Observation] {
        observations.filter { $0.subject.namespace == "iam" && $0.subject.container == "provider" }
    }
}
