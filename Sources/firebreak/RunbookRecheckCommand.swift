import ArgumentParser
import ClusterModel
import Foundation
import Runbooks
import Timeline

/// `firebreak runbook recheck`: asks the cluster whether requests sent without a recorded answer took effect.
struct RunbookRecheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Ask the cluster whether runbook requests whose answer was never recorded took effect.",
        discussion: """
            Reads each object and sends the recorded request again as a server-side dry run (nothing changes): no \
            difference means the change is in effect. Eviction and delete requests are judged by whether the object \
            is gone, being deleted or replaced. Each verdict that settles it is recorded in the journal as the \
            request's result. Exits 1 when a result stays undetermined.
            """)

    @Argument(help: "Action ids to re-check (default: every unfinished one).")
    var actionIDs: [String] = []

    @OptionGroup var journalOptions: JournalOptions

    @OptionGroup var cluster: ClusterTargetOptions

    func run() async throws {
        var undetermined = false
        try await reportingErrors {
            let journal = try journalOptions.journal()
            let endpoint = try cluster.endpoint()
            let incident = try await journalOptions.named(in: journal)
            let actions = try await UnfinishedAction.find(in: journal, incident: incident).filter {
                actionIDs.isEmpty || actionIDs.contains($0.actionID)
            }
            if actions.isEmpty {
                printLine("no request without a recorded result")
                return
            }
            let client = try KubeClient(endpoint: endpoint)
            let verdicts = await IntentRechecker(client: client).recheck(
                actions, recorder: JournalActionRecorder(journal: journal, context: endpoint.contextName),
                clock: { action in (try? await journal.clusterNow(of: action.incident)) ?? Date() })
            try? await client.shutdown()
            for (action, verdict) in verdicts {
                let recorded = verdict.isDecisive ? " (recorded)" : ""
                printLine(
                    "action \(action.actionID) (\(action.runbook) on \(action.target)) sent \(action.request): "
                        + "\(verdict)\(recorded)")
            }
            undetermined = verdicts.contains { !$0.verdict.isDecisive }
        }
        if undetermined { throw ExitCode(1) }
    }
}
