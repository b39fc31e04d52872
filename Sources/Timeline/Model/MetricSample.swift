import ClusterModel
import Foundation

/// One scrape of one container an incident touches, as the journal keeps it for the COE's charts: memory working
/// set against its limit, restarts, CPU throttling. `nil` is unknown.
public struct MetricSample: Sendable, Equatable, Codable {
    /// The container (`Pod` subject with a container).
    public var subject: ObservationSubject
    /// Its workload (`Deployment/kube-system/coredns`), when known: charts group by it.
    public var workload: String?
    /// The cluster time of the scrape.
    public var clusterTime: Date
    public var workingSetBytes: Int64?
    public var memoryLimitBytes: Int64?
    public var restarts: Int?
    /// Throttled CFS periods / periods (0...1).
    public var throttlingRatio: Double?

    public init(
        subject: ObservationSubject, workload: String? = nil, clusterTime: Date, workingSetBytes: Int64? = nil,
        memoryLimitBytes: Int64? = nil, restarts: Int? = nil, throttlingRatio: Double? = nil
    ) {
        self.subject = subject
        self.workload = workload
        self.clusterTime = clusterTime
        self.workingSetBytes = workingSetBytes
        self.memoryLimitBytes = memoryLimitBytes
        self.restarts = restarts
        self.throttlingRatio = throttlingRatio
    }
}
