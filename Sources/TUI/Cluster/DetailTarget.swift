import ClusterModel
import Foundation

/// The object a detail view is about.
public enum DetailTarget: Hashable, Sendable {
    case pod(ObjectKey)
    case node(String)
    /// A Deployment, StatefulSet, DaemonSet, Job or CronJob.
    case workload(OwnerKey)

    init?(subject: ObservationSubject) {
        switch subject.kind {
        case "Pod": self = .pod(ObjectKey(namespace: subject.namespace ?? "", name: subject.name))
        case "Node": self = .node(subject.name)
        case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob":
            self = .workload(OwnerKey(kind: subject.kind, namespace: subject.namespace ?? "", name: subject.name))
        default: return nil
        }
    }

    var title: String {
        switch self {
        case .pod(let key): "Pod \(key)"
        case .node(let name): "Node \(name)"
        case .workload(let owner): owner.description
        }
    }
}
