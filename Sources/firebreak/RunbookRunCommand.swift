import ArgumentParser
import ClusterModel
import Foundation
import Logging
import Runbooks
import Timeline

/// `firebreak runbook run NAME --target KIND/NAMESPACE/NAME …`: the console's engine, headless.
struct RunbookRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a runbook on one object: plan, check permissions, dry run, confirm, apply, verify.",
        discussion: """
            Prints the plan, the server's dry-run diff and the blast radius, asks for confirmation (y/n, or the \
            object's name for disruptive runbooks), applies, and waits for verification on the store. Exits \
            non-zero on refusal or failure. Each request is recorded in the current incident's journal (an incident \
            is opened when none is); roll an action back later with `firebreak runbook rollback ACTION-ID`.
            """
    )

    @Argument(help: "The runbook id (see `firebreak runbook list`).")
    var name: String

    @Option(help: "KIND/NAMESPACE/NAME, e.g. pod/kube-system/coredns-5d78c9869d-x2x7k, or node/NAME.")
    var target: String

    @Option(help: "The container, when the pod has several.")
    var container: String?

    @Option(name: .customLong("set"), help: "A parameter value, PARAM=VALUE (repeatable).")
    var settings: [String] = []

    @Flag(help: "Stop after the dry run and diff: change nothing.")
    var dryRun = false

    @Flag(help: "Answer yes to the confirmation (and to a rollback offer).")
    var yes = false

    @Flag(help: "One JSON object a line instead of text.")
    var json = false

    @Flag(help: "Do not wait for verification.")
    var noWait = false

    @Flag(help: "Refuse anything that would change the cluster.")
    var readOnly = false

    @OptionGroup var cluster: ClusterTargetOptions

    @OptionGroup var journalOptions: JournalOptions

    @Option(help: "Seconds to wait for the first view of the cluster.")
    var timeout: Double = 30

    func run() async throws {
        let output = RunbookOutput(json: json)
        let runbook: Runbook
        let target: RunbookTarget
        let values: [String: String]
        let endpoint: ClusterEndpoint
        let recorder: JournalActionRecorder
        do {
            runbook = try RunbookDirectories.catalog().runbook(name)
            target = try RunbookTarget(parsing: self.target, container: container)
            values = try Self.parse(settings)
            endpoint = try cluster.endpoint()
            let journal = try journalOptions.journal()
            let incident = try await journalOptions.named(in: journal)
            recorder = JournalActionRecorder(journal: journal, context: endpoint.contextName, incident: incident)
            let current = try await journal.currentIncident()?.id
            await Self.reportUnfinished(journal, incident: incident ?? current, output)
        } catch {
            output.fail("\(error)")
            throw ExitCode(1)
        }
        let started = ContinuousClock.now
        var logger = Logger(label: "firebreak.runbook")
        logger.logLevel = .critical
        let connection: ClusterConnection
        do {
            connection = try ClusterConnection(
                endpoint: endpoint, namespace: target.kind == .node ? nil : target.namespace, metricsInterval: nil,
                logger: logger)
        } catch {
            output.fail("\(error)")
            throw ExitCode(1)
        }
        await connection.start()
        let synced = await Self.waitSynced(connection.store, timeout: timeout)
        output.timing("connect", ContinuousClock.now - started)
        guard synced else {
            let health = await connection.store.snapshot().health
            output.fail("no view of the cluster after \(Int(timeout))s" + (health.lastError.map { ": \($0)" } ?? ""))
            await connection.stop()
            throw ExitCode(1)
        }
        let (client, store) = (await connection.client, await connection.store)
        let conversation = TerminalConversation(output: output, assumeYes: yes)
        // A drain stops cleanly on Ctrl-C (the node stays cordoned, the result says what was evicted); other
        // runbooks keep Ctrl-C's default.
        if runbook.steps.contains(where: { $0.kind == .evictPods }) {
            conversation.interrupt.install {
                output.progress(
                    "cancelling", "Ctrl-C: stopping after the evictions in flight (Ctrl-C again to quit now)")
            }
        }
        // The cluster's clock (the API server's time from its Date headers): verification, a drain's back-off and
        // timeout, and the journal's entries run on it, as in the console.
        let clusterClock = connection.clock
        let driver = RunbookDriver(
            client: client, store: store, clock: { clusterClock.now() },
            recorder: recorder, conversation: conversation,
            context: endpoint.contextName,
            options: RunbookExecution.Options(isReadOnly: readOnly, isDryRunOnly: dryRun, skipsVerification: noWait))
        let run = await driver.run(runbook, target: target, settings: values)
        await connection.stop()
        if let opened = await recorder.openedIncident {
            output.progress("recorded", "no incident was open: opened incident \(opened.shortID) (\(opened.title))")
        }
        output.result(run)
        if !run.result.isSuccess { throw ExitCode(1) }
    }

    /// Requests of the incident sent without a recorded answer (the process stopped): their result is unknown.
    static func reportUnfinished(_ journal: any Journal, incident: UUID?, _ output: RunbookOutput) async {
        guard let incident else { return }
        for action in (try? await UnfinishedAction.find(in: journal, incident: incident)) ?? [] {
            output.progress(
                "result unknown",
                "action \(action.actionID) (\(action.runbook) on \(action.target)) sent \(action.request) and its "
                    + "answer was never recorded; `firebreak runbook recheck \(action.actionID)` asks the cluster, "
                    + "`firebreak runbook rollback \(action.actionID)` undoes it")
        }
    }

    /// `["limit=300Mi"]` → `["limit": "300Mi"]`.
    static func parse(_ settings: [String]) throws(RunbooksError) -> [String: String] {
        var values: [String: String] = [:]
        for setting in settings {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                throw .invalidValue(setting, type: .string, problem: "expected PARAM=VALUE")
            }
            values[String(setting[..<equals])] = String(setting[setting.index(after: equals)...])
        }
        return values
    }

    /// Waits for the resources planning reads (pods and their owners, nodes, budgets).
    static func waitSynced(_ store: ClusterStore, timeout: Double) async -> Bool {
        let needed: [ResourceKind] = [
            .pods, .replicaSets, .deployments, .statefulSets, .daemonSets, .nodes, .podDisruptionBudgets,
        ]
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await store.waitUntilSynced(needed)
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

/// `firebreak runbook rollback ACTION-ID`.
struct RunbookRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Restore the snapshot an earlier runbook action recorded (also after a restart).")

    @Argument(help: "The action id printed by `firebreak runbook run`.")
    var actionID: String

    @Flag(help: "Do not ask.")
    var yes = false

    @Flag(help: "One JSON object a line instead of text.")
    var json = false

    @OptionGroup var cluster: ClusterTargetOptions

    @Option(help: "The state directory holding the journal (default: $XDG_STATE_HOME/firebreak).")
    var stateDir: String?

    func run() async throws {
        let output = RunbookOutput(json: json)
        let client: KubeClient
        let endpoint: ClusterEndpoint
        let journal: SQLiteJournal
        do {
            endpoint = try cluster.endpoint()
            client = try KubeClient(endpoint: endpoint)
            journal = try SQLiteJournal(directory: StateDirectory.resolve(explicit: stateDir))
        } catch {
            output.fail("\(error)")
            throw ExitCode(1)
        }
        let driver = RunbookDriver(
            client: client, store: ClusterStore(), clock: { Date() },
            recorder: JournalActionRecorder(journal: journal, context: endpoint.contextName),
            conversation: TerminalConversation(output: output, assumeYes: yes), context: endpoint.contextName)
        let run = await driver.rollback(actionID: actionID)
        try? await client.shutdown()
        output.result(run)
        if !run.result.isSuccess, run.result.status != .rolledBack { throw ExitCode(1) }
    }
}
