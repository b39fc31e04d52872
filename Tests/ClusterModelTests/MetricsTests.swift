import Foundation
import Testing

@testable import ClusterModel

@Suite("Metrics")
struct MetricsTests {
    static func cadvisor(periods: Double, throttled: Double, workingSet: Double = 104_857_600) -> String {
        """
        # HELP container_cpu_cfs_periods_total Number of elapsed enforcement period intervals.
        # TYPE container_cpu_cfs_periods_total counter
        container_cpu_cfs_periods_total{container="coredns",id="/kubepods/pod1/c1",image="coredns:1.11",name="c1",namespace="kube-system",pod="coredns-1"} \(periods) 1700000000000
        container_cpu_cfs_periods_total{container="",id="/kubepods/pod1",namespace="kube-system",pod="coredns-1"} 99999
        container_cpu_cfs_periods_total{container="POD",id="/kubepods/pod1/pause",namespace="kube-system",pod="coredns-1"} 5
        container_cpu_cfs_throttled_periods_total{container="coredns",id="/kubepods/pod1/c1",namespace="kube-system",pod="coredns-1"} \(throttled)
        container_memory_working_set_bytes{container="coredns",id="/kubepods/pod1/c1",namespace="kube-system",pod="coredns-1"} \(workingSet)
        container_spec_memory_limit_bytes{container="coredns",id="/kubepods/pod1/c1",namespace="kube-system",pod="coredns-1"} 1.78257920e+08
        container_oom_events_total{container="coredns",id="/kubepods/pod1/c1",namespace="kube-system",pod="coredns-1"} 2
        container_cpu_usage_seconds_total{container="coredns",id="/kubepods/pod1/c1",namespace="kube-system",pod="coredns-1"} 12.5
        """
    }

    static let coredns = ContainerRef(namespace: "kube-system", pod: "coredns-1", container: "coredns")

    @Test func prometheusTextParsesLabelsEscapesAndSpecialValues() {
        let text = """
            # TYPE x gauge
            x{a="1",b="q\\"uote",c="back\\\\slash"} 3.5
            y +Inf
            z{le="0.5"} NaN 123
            broken{a="1" 4
            """
        let samples = PrometheusText.parse(text)
        #expect(samples.count == 3)
        #expect(
            samples[0]
                == PrometheusSample(name: "x", labels: ["a": "1", "b": "q\"uote", "c": "back\\slash"], value: 3.5))
        #expect(samples[1].value == .infinity)
        #expect(samples[2].value.isNaN)
    }

    @Test func cadvisorScrapeIgnoresPodLevelAndPauseSeries() {
        let scrape = CadvisorScrape.parse(
            Self.cadvisor(periods: 1000, throttled: 300), node: "node-a", time: referenceNow)
        #expect(scrape.containers.keys.sorted() == [Self.coredns])
        #expect(
            scrape.containers[Self.coredns]
                == CadvisorScrape.ContainerCounters(
                    cfsPeriods: 1000, cfsThrottledPeriods: 300, workingSetBytes: 104_857_600, oomEvents: 2,
                    memoryLimitBytes: 178_257_920))
    }

    @Test func throttlingRatioIsComputedOverTheWindowAndIgnoresCounterResets() {
        var calculator = ThrottlingCalculator(window: 300)
        let samples: [(Double, Double, Double)] = [(0, 1000, 100), (60, 1600, 400), (120, 100, 50), (180, 700, 350)]
        for (t, periods, throttled) in samples {
            calculator.record(
                CadvisorScrape.parse(
                    Self.cadvisor(periods: periods, throttled: throttled), node: "n",
                    time: referenceNow.addingTimeInterval(t)))
        }
        // deltas: (600, 300) kept, (-1500, -350) discarded as a reset, (600, 300) kept → 600 / 1200
        #expect(calculator.ratio(for: Self.coredns, now: referenceNow.addingTimeInterval(180)) == 0.5)
        #expect(calculator.ratio(for: Self.coredns, now: referenceNow.addingTimeInterval(900)) == nil)
    }

    @Test func podAndNodeMetricsDecode() throws {
        let pods =
            #"{"kind":"PodMetricsList","items":[{"metadata":{"name":"web-0","namespace":"demo"},"timestamp":"2026-11-21T10:00:00Z","window":"30s","containers":[{"name":"app","usage":{"cpu":"250m","memory":"170Mi"}}]}]}"#
        let nodes =
            #"{"kind":"NodeMetricsList","items":[{"metadata":{"name":"node-a"},"usage":{"cpu":"1500m","memory":"2Gi"}}]}"#
        let podUsage = try ResourceMetrics.decodePods(Data(pods.utf8))
        #expect(podUsage.first?.containers["app"] == ResourceMetrics.Usage(cpuMillis: 250, memoryBytes: 170 << 20))
        #expect(try ResourceMetrics.decodeNodes(Data(nodes.utf8)).first?.cpuMillis == 1500)
    }

    @Test func forbiddenNodeProxyIsReportedOnceNotPerScrape() async {
        let source = FakeMetricsSource(
            cadvisor: .failure(.api(KubeAPIError(reason: "Forbidden", code: 403, message: "nodes/proxy"), path: "/")),
            podMetrics: .failure(.api(KubeAPIError(reason: "NotFound", code: 404, message: ""), path: "/")))
        let scraper = MetricsScraper(source: source, nodesPerRound: 10, retryUnavailableAfter: 600)
        let (first, newlyFirst) = await scraper.scrape(nodes: ["a", "b"], now: referenceNow)
        let (_, newlySecond) = await scraper.scrape(nodes: ["a", "b"], now: referenceNow.addingTimeInterval(30))
        #expect(newlyFirst == ["cadvisor": "forbidden (403): nodes/proxy", "metrics.k8s.io": "not found (404)"])
        #expect(newlySecond.isEmpty)
        #expect(first.unavailable.keys.sorted() == ["cadvisor", "metrics.k8s.io"])
        #expect(source.cadvisorCalls == 1, "after a 403 the other nodes and later rounds are skipped")
    }

    @Test func scraperCombinesThrottlingAndWorkingSet() async {
        let source = FakeMetricsSource(
            cadvisor: .success(""), podMetrics: .failure(.transport(path: "/", problem: "refused")))
        let scraper = MetricsScraper(source: source, nodesPerRound: 10, retryUnavailableAfter: 600)
        source.setCadvisor(Self.cadvisor(periods: 1000, throttled: 100))
        _ = await scraper.scrape(nodes: ["a"], now: referenceNow)
        source.setCadvisor(Self.cadvisor(periods: 2000, throttled: 500))
        let (snapshot, _) = await scraper.scrape(nodes: ["a"], now: referenceNow.addingTimeInterval(60))
        #expect(snapshot.containers[Self.coredns]?.cpuThrottleRatio == 0.4)
        #expect(snapshot.containers[Self.coredns]?.workingSetBytes == 100 << 20)
        #expect(snapshot.containers[Self.coredns]?.memoryLimitBytes == 178_257_920)
    }

    @Test func containersANodeNoLongerReportsAreForgotten() async {
        let source = FakeMetricsSource(
            cadvisor: .success(""), podMetrics: .failure(.transport(path: "/", problem: "refused")))
        let scraper = MetricsScraper(source: source, nodesPerRound: 10, retryUnavailableAfter: 600)
        source.setCadvisor(Self.cadvisor(periods: 1000, throttled: 100))
        _ = await scraper.scrape(nodes: ["a"], now: referenceNow)
        source.setCadvisor(Self.cadvisor(periods: 2000, throttled: 500))
        let (throttled, _) = await scraper.scrape(nodes: ["a"], now: referenceNow.addingTimeInterval(60))
        #expect(throttled.containers[Self.coredns]?.cpuThrottleRatio == 0.4)
        source.setCadvisor("")
        let (gone, _) = await scraper.scrape(nodes: ["a"], now: referenceNow.addingTimeInterval(120))
        #expect(gone.containers[Self.coredns] == nil, "a deleted pod's last ratio must not linger")
    }
}

final class FakeMetricsSource: MetricsSource, @unchecked Sendable {
    private let lock = NSLock()
    private var cadvisor: Result<String, KubeClientError>
    private let podMetrics: Result<Data, KubeClientError>
    private var calls = 0

    init(cadvisor: Result<String, KubeClientError>, podMetrics: Result<Data, KubeClientError>) {
        self.cadvisor = cadvisor
        self.podMetrics = podMetrics
    }

    var cadvisorCalls: Int { lock.withLock { calls } }

    func setCadvisor(_ text: String) { lock.withLock { cadvisor = .success(text) } }

    func getText(path: String) async throws(KubeClientError) -> String {
        try lock.withLock {
            calls += 1
            return cadvisor
        }.get()
    }

    func getData(path: String) async throws(KubeClientError) -> Data {
        try podMetrics.get()
    }
}
