import ClusterModel
import Foundation

/// Everything a plan is made from: the runbook's target, the store's view, the current JSON of the objects it acts
/// on (as `RunbookPlanner.objectsNeeded` named them), the user's parameter values and the cluster's time.
public struct PlanningInput: Sendable {
    public var target: RunbookTarget
    public var snapshot: ClusterSnapshot
    public var objects: [ObjectRef: JSONValue]
    /// `--set NAME=VALUE` (or the console's edited fields), as text.
    public var settings: [String: String]
    public var now: Date
    /// The pods the API lists on a node target (`GET /api/v1/pods?fieldSelector=spec.nodeName=NODE`, as kubectl
    /// drain reads them), for runbooks that evict; nil otherwise.
    public var podsOnNode: [JSONValue]?

    public init(
        target: RunbookTarget, snapshot: ClusterSnapshot, objects: [ObjectRef: JSONValue],
        settings: [String: String] = [:], now: Date, podsOnNode: [JSONValue]? = nil
    ) {
        self.target = target
        self.snapshot = snapshot
        self.objects = objects
        self.settings = settings
        self.now = now
        self.podsOnNode = podsOnNode
    }
}
