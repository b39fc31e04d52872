/// What the replica set controller asks of each pod it owns, kept beside the pod so that a reconcile need not copy
/// whole pods out of the store (at 150,000 pods with churn, those copies were a tenth of a tick).
struct PodFacts: Sendable, Equatable {
    let key: String
    let isTerminating: Bool
    /// The `Ready` condition is `True`.
    let isReady: Bool
    let creationTimestamp: Timestamp?

    init(_ pod: Pod, key: String) {
        self.key = key
        isTerminating = pod.metadata.deletionTimestamp != nil
        isReady = pod.status.conditions?.first { $0.type == "Ready" }?.status == "True"
        creationTimestamp = pod.metadata.creationTimestamp
    }
}
