/// A failure story the simulator replays: the cluster it starts from and what happens each simulated second.
protocol Scenario: Sendable {
    /// Builds the starting cluster and its demand curves.
    func setUp(_ world: ClusterWorld)
    /// Runs once per simulated second, before the controllers.
    func tick(_ world: ClusterWorld)
}

/// Sizes for the `scale` scenario (and anything else that wants them).
public struct ScenarioOptions: Sendable, Equatable {
    public var nodes: Int
    public var pods: Int
    /// Pods deleted (and so replaced) per simulated second in the `scale` scenario.
    public var churnPerSecond: Int

    public init(nodes: Int = 5000, pods: Int = 150_000, churnPerSecond: Int = 50) {
        self.nodes = nodes
        self.pods = pods
        self.churnPerSecond = churnPerSecond
    }
}

/// The scenarios by name.
public enum ScenarioCatalog {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
    }

    public static let all: [Entry] = [
        Entry(
            name: "coredns-dns-spike",
            summary:
                "Retries and ndots:5 multiply DNS queries; CoreDNS climbs to its 170Mi limit and is OOM-killed in a loop; ingress errors follow."
        ),
        Entry(
            name: "ingress-inflight-oom",
            summary:
                "A slow backend piles up in-flight requests in the shared ingress; it passes its 500Mi limit and every replica is OOM-killed."
        ),
        Entry(
            name: "credentials-cpu-throttling",
            summary:
                "A scaled-down credentials provider is throttled by its CPU limit; its queue grows and new pods fail to mount their secrets."
        ),
        Entry(
            name: "kubelet-memory-leak",
            summary: "One node's kubelet leaks memory: MemoryPressure, a system OOM, NotReady, every pod on it down."),
        Entry(
            name: "apiserver-outage",
            summary:
                "The API server refuses connections for two minutes mid-incident while the cluster keeps changing, then returns."
        ),
        Entry(
            name: "cronjob-pod-explosion",
            summary:
                "A mis-scheduled CronJob creates pods every minute until the namespace holds thousands and the API server slows."
        ),
        Entry(
            name: "scale", summary: "N nodes and M pods (default 5,000 and 150,000) with steady churn, for benchmarks."),
    ]

    static func make(_ name: String, options: ScenarioOptions) -> (any Scenario)? {
        switch name {
        case "coredns-dns-spike": CoreDNSSpike()
        case "ingress-inflight-oom": IngressInflightOOM()
        case "credentials-cpu-throttling": CredentialsThrottling()
        case "kubelet-memory-leak": KubeletMemoryLeak()
        case "apiserver-outage": APIServerOutage()
        case "cronjob-pod-explosion": CronJobExplosion()
        case "scale": ScaleScenario(options: options)
        default: nil
        }
    }
}
