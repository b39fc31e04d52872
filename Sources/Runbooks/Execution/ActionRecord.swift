import ClusterModel
import Foundation

/// One entry of an action's record: what the journal keeps for every runbook action, in order.
public struct ActionRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The engineer confirmed the plan (its parameters, diff and rollback writes are kept).
        case confirmed
        /// A request about to be sent.
        case intent
        /// Its answer.
        case result
        case verified
        case finished
    }

    public var actionID: String
    /// Position within the action, from 1.
    public var sequence: Int
    /// On the cluster's clock.
    public var time: Date
    public var runbook: String
    public var target: RunbookTarget
    /// The object the steps change (confirmed).
    public var subject: ObjectRef?
    public var kind: Kind
    public var step: String?
    public var isRollback: Bool
    public var method: String?
    public var path: String?
    /// The request body, redacted.
    public var body: JSONValue?
    public var status: Int?
    public var message: String?
    /// Resolved parameters (confirmed).
    public var parameters: [ResolvedParameter]?
    /// The dry-run diff (confirmed).
    public var changes: [String]?
    /// The writes that restore the snapshot (confirmed), for a rollback later.
    public var rollback: [KubeWrite]?
    public var rollbackUnavailable: String?

    public init(
        actionID: String, sequence: Int, time: Date, runbook: String, target: RunbookTarget, kind: Kind,
        step: String? = nil, isRollback: Bool = false
    ) {
        self.actionID = actionID
        self.sequence = sequence
        self.time = time
        self.runbook = runbook
        self.target = target
        self.kind = kind
        self.step = step
        self.isRollback = isRollback
    }

    /// The record of one event of an action.
    public init(_ event: ActionEvent, actionID: String, sequence: Int, time: Date, plan: RunbookPlan) {
        self.init(
            actionID: actionID, sequence: sequence, time: time, runbook: plan.runbook, target: plan.target,
            kind: .finished)
        switch event {
        case .confirmed(let preview, let answer):
            kind = .confirmed
            message = "confirmed (\(answer))"
            subject = preview.plan.subject
            parameters = preview.plan.parameters
            changes = preview.changes.flatMap { $0.map(\.description) }
            rollback = preview.plan.rollback
            rollbackUnavailable = preview.plan.rollbackUnavailable
        case .intent(let step, let method, let path, let body, let isRollback):
            kind = .intent
            self.step = step
            self.method = method
            self.path = path
            self.body = body
            self.isRollback = isRollback
        case .result(let step, let status, let message, let isRollback):
            kind = .result
            self.step = step
            self.status = status
            self.message = message
            self.isRollback = isRollback
        case .verified(let outcome):
            kind = .verified
            message = outcome.description
        case .finished(let result):
            kind = .finished
            status = nil
            message = result.description
        }
    }
}

/// Where action records go: the incident journal, or (until it exists) a file per action. An intent is committed
/// before `record` returns, so it is durable before its request is sent.
public protocol ActionRecorder: Sendable {
    func record(_ entry: ActionRecord) async throws
    /// Every entry of one action, in order.
    func records(of actionID: String) async throws -> [ActionRecord]
}

/// Action identifiers: `20261121-101651-3f2a` (the cluster time of the start and four random hex digits).
public enum ActionID {
    public static func make(at time: Date) -> String {
        let stamp = KubeTime.format(time).filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
        let suffix = String(format: "%04x", UInt16.random(in: 0...UInt16.max))
        return "\(stamp)-\(suffix)"
    }
}
