import ClusterModel
import Runbooks

/// The console's side of a runbook action: progress and questions go to the UI loop as events; the engine waits
/// for the answers the panel sends back (`RunbookAnswers`).
struct PanelConversation: RunbookConversation {
    let action: Int
    let inbox: EventInbox
    let answers: RunbookAnswers
    let cancellations: RunbookCancellations

    var isCancelled: Bool { cancellations.contains(action) }

    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer {
        inbox.post(.runbookConfirmationRequested(action: action))
        guard case .confirmation(let answer) = await answers.wait(for: action) else { return .declined }
        return answer
    }

    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool {
        inbox.post(.runbookRollbackOffered(action: action, reason: reason))
        guard case .rollback(let accepted) = await answers.wait(for: action) else { return false }
        return accepted
    }

    func report(_ progress: RunbookProgress) {
        guard let update = RunbookUpdate(progress) else { return }
        inbox.post(.runbookProgressed(action: action, update))
    }
}
