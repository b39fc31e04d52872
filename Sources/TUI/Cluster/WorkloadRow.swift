import ClusterModel
import Foundation

/// One line of the Workloads pane: a workload's status as ClusterModel judges it, and the time it is shown at.
public struct WorkloadRow: Sendable {
    public var status: WorkloadStatus
    public var now: Date

    public init(status: WorkloadStatus, now: Date) {
        self.status = status
        self.now = now
    }

    /// Every workload in `snapshot`, by kind, namespace and name.
    static func rows(snapshot: ClusterSnapshot, now: Date) -> [WorkloadRow] {
        WorkloadStatus.all(in: snapshot).map { WorkloadRow(status: $0, now: now) }
    }

    var stateRole: Role? {
        switch status.state {
        case .stalled, .failed: .severityCritical
        case .progressing, .paused, .suspended: .severityWarning
        default: nil
        }
    }

    /// `3` or `-` when the count does not apply to the kind.
    static func count(_ value: Int?) -> String { value.map { "\($0)" } ?? "-" }

    /// Whether fewer replicas are ready or available than desired.
    var isShort: Bool {
        guard let desired = status.desired, status.owner.kind != "Job" else { return false }
        return (status.available ?? desired) < desired || (status.ready ?? desired) < desired
    }
}
