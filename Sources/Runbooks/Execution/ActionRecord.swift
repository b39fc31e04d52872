import ClusterModel
import Foundation

/// One entry of an action's record, in order: an intent before every request, its result after, then the
/// verification and the end. The first intent after the engineer confirmed carries what was confirmed (parameters,
/// dry-run diff, answer, the writes that restore the snapshot), so a rollback needs nothing else.
public struct ActionRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
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
    public var kind: Kind
    public var step: String?
    public var isRollback: Bool
    public var method: String?
    public var path: String?
    /// The request body, redacted.
    public var body: JSONValue?
    /// The whole request, body redacted, for a re-check when its answer was never recorded (absent from records
    /// written before re-checks existed).
    public var request: KubeWrite?
    public var status: Int?
    public var message: String?
    /// What the engineer answered (`y`, or the typed name), on the first intent after a confirmation.
    public var confirmation: String?
    /// The object the steps change (with the confirmation).
    public var subject: ObjectRef?
    /// Resolved parameters (with the confirmation).
    public var parameters: [ResolvedParameter]?
    /// The dry-run diff (with the confirmation).
    public var changes: [String]?
    /// The writes that restore the snapshot (with the confirmation), for a rollback later.
    public var rollback: [KubeWrite]?
    public var rollbackUnavailable: String?

    /// The resolved parameters are kept under `resolvedParameters`: in a journal entry's evidence `parameters` holds
    /// them as lines (`limit = 255Mi`) for readers such as the COE.
    enum CodingKeys: String, CodingKey {
        case actionID, sequence, time, runbook, target, kind, step, isRollback, method, path, body, request, status
        case message
        case confirmation, subject, changes, rollback, rollbackUnavailable
        case parameters = "resolvedParameters"
    }

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
        case .intent(let intent):
            kind = .intent
            adopt(intent)
            if let confirmed = intent.confirmed {
                confirmation = confirmed.answer
                subject = confirmed.preview.plan.subject
                parameters = confirmed.preview.plan.parameters
                changes = confirmed.preview.changes.flatMap { $0.map(\.description) }
                rollback = confirmed.preview.plan.rollback
                rollbackUnavailable = confirmed.preview.plan.rollbackUnavailable
            }
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
            message = result.description
        }
    }

    /// Takes the step, request and rollback flag of `intent` (what an intent entry records of its request).
    public mutating func adopt(_ intent: ActionIntent) {
        step = intent.step
        method = intent.method
        path = intent.path
        body = intent.body
        request = intent.request
        isRollback = intent.isRollback
    }

    /// Whether this is the answer 2xx to a request.
    var isSuccess: Bool { kind == .result && (status ?? 0) / 100 == 2 }
}

/// Where action records go: the incident journal (`JournalActionRecorder`). An intent is committed before `record`
/// returns, so it is durable before its request is sent.
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
