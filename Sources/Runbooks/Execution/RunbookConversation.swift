import ClusterModel
import Foundation

/// The engineer's side of a runbook action: shown the preview and progress, asked to confirm and whether to roll
/// back. The console panel is one; the command line is another.
public protocol RunbookConversation: Sendable {
    /// Asks for confirmation of `preview` on `context`. For `.typeName`, the answer carries what was typed.
    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer
    /// Restore the snapshot with `writes`? `reason` says why it is offered (a failed verification, a request).
    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool
    /// Something happened worth showing.
    func report(_ progress: RunbookProgress)
    /// Whether the engineer asked to stop (Esc in the panel, Ctrl-C headless): a drain stops sending evictions and
    /// ends with what was and was not evicted.
    var isCancelled: Bool { get }
}

extension RunbookConversation {
    public var isCancelled: Bool { false }
}

public enum ConfirmationAnswer: Sendable, Hashable {
    case accepted(typed: String?)
    case declined
}

/// Progress of an action, in order.
public enum RunbookProgress: Sendable, Hashable {
    case planned(RunbookPlan)
    case accessChecked([AccessDecision])
    case previewed(RunbookPreview)
    case applying(step: String, attempt: Int)
    case applied(step: String, status: Int)
    case retrying(step: String, after: Duration, reason: String)
    case replanning(String)
    /// What verification waits for now.
    case verifying(String)
    case rollingBack(String)
    /// How long a phase took (real time): `read`, `plan`, `access`, `dry-run`.
    case timed(phase: String, Duration)
    /// A drain moved on (reported on every change, and every few seconds while it waits), at this cluster time.
    case draining(DrainProgress, at: Date)
}
