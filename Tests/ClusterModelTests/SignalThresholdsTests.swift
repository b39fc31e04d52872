import Testing

@testable import ClusterModel

@Suite("Signal thresholds")
struct SignalThresholdsTests {
    static let throttling: [(Double, Bool)] = [(0, false), (0.249, false), (0.25, true), (0.9, true)]

    @Test(arguments: throttling)
    func throttlingStartsAtAQuarterOfPeriods(ratio: Double, isThrottled: Bool) {
        #expect(SignalThresholds().isThrottled(ratio) == isThrottled)
    }

    static let memory: [(Double, Bool)] = [(0.5, false), (0.899, false), (0.9, true), (1.2, true)]

    @Test(arguments: memory)
    func memoryIsNearTheLimitFromNinetyPercent(ratio: Double, isNear: Bool) {
        #expect(SignalThresholds().isNearMemoryLimit(ratio) == isNear)
    }

    static let restarts: [(Int, Bool)] = [(0, false), (2, false), (3, true), (40, true)]

    @Test(arguments: restarts)
    func threeRestartsMakeABurst(restarts: Int, isBurst: Bool) {
        #expect(SignalThresholds().isRestartBurst(restarts) == isBurst)
    }

    @Test func changedThresholdsChangeTheJudgement() {
        var thresholds = SignalThresholds()
        thresholds.cpuThrottlingRatio = 0.5
        thresholds.memoryNearLimitRatio = 0.95
        thresholds.restartBurstCount = 5
        #expect(!thresholds.isThrottled(0.4))
        #expect(!thresholds.isNearMemoryLimit(0.92))
        #expect(!thresholds.isRestartBurst(4))
    }

    @Test func restartSamplesAreKeptForTheLongerWindow() {
        var thresholds = SignalThresholds()
        #expect(thresholds.restartSampleWindow == 3_600)
        thresholds.restartWindow = 7_200
        #expect(thresholds.restartSampleWindow == 7_200)
    }
}
