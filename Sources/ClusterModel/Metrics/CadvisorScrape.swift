import Foundation

/// The cAdvisor counters and gauges Firebreak reads, per container, from one scrape of one node.
public struct CadvisorScrape: Sendable, Equatable {
    public var node: String
    public var time: Date
    public var containers: [ContainerRef: ContainerCounters]

    public init(node: String, time: Date, containers: [ContainerRef: ContainerCounters]) {
        self.node = node
        self.time = time
        self.containers = containers
    }

    /// Raw counter and gauge values; counters are cumulative since the container started.
    public struct ContainerCounters: Sendable, Equatable {
        public var cfsPeriods: Double?
        public var cfsThrottledPeriods: Double?
        public var workingSetBytes: Double?
        public var oomEvents: Double?
        public var memoryLimitBytes: Double?

        public init(
            cfsPeriods: Double? = nil, cfsThrottledPeriods: Double? = nil, workingSetBytes: Double? = nil,
            oomEvents: Double? = nil, memoryLimitBytes: Double? = nil
        ) {
            self.cfsPeriods = cfsPeriods
            self.cfsThrottledPeriods = cfsThrottledPeriods
            self.workingSetBytes = workingSetBytes
            self.oomEvents = oomEvents
            self.memoryLimitBytes = memoryLimitBytes
        }
    }

    static let metricNames: Set<String> = [
        "container_cpu_cfs_periods_total", "container_cpu_cfs_throttled_periods_total",
        "container_memory_working_set_bytes", "container_oom_events_total", "container_spec_memory_limit_bytes",
    ]

    /// Reads a `/metrics/cadvisor` body; pod-level (`container=""`) and pause (`POD`) series are ignored.
    /// Several series of one container (a restarted container's old `id`) are summed for counters, maxed for gauges.
    public static func parse(_ text: String, node: String, time: Date) -> CadvisorScrape {
        var containers: [ContainerRef: ContainerCounters] = [:]
        for sample in PrometheusText.parse(text, keeping: metricNames) {
            guard let container = sample.labels["container"], !container.isEmpty, container != "POD",
                let pod = sample.labels["pod"], let namespace = sample.labels["namespace"]
            else { continue }
            let ref = ContainerRef(namespace: namespace, pod: pod, container: container)
            var counters = containers[ref] ?? ContainerCounters()
            let v = sample.value
            switch sample.name {
            case "container_cpu_cfs_periods_total": counters.cfsPeriods = (counters.cfsPeriods ?? 0) + v
            case "container_cpu_cfs_throttled_periods_total":
                counters.cfsThrottledPeriods = (counters.cfsThrottledPeriods ?? 0) + v
            case "container_memory_working_set_bytes": counters.workingSetBytes = max(counters.workingSetBytes ?? 0, v)
            case "container_oom_events_total": counters.oomEvents = (counters.oomEvents ?? 0) + v
            case "container_spec_memory_limit_bytes": counters.memoryLimitBytes = max(counters.memoryLimitBytes ?? 0, v)
            default: break
            }
            containers[ref] = counters
        }
        return CadvisorScrape(node: node, time: time, containers: containers)
    }
}
