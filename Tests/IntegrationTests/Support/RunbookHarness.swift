import ClusterModel
import ClusterSim
import Foundation
import Runbooks
import TestSupport
import Timeline

/// The engineer in a test: answers confirmations and rollback offers from a script, keeps every progress event,
/// and can act on the cluster while a confirmation is on screen.
final class ScriptedEngineer: RunbookConversation, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [ConfirmationAnswer]
    private var rollbackAnswers: [Bool]
    private var confirmations: [RunbookPreview] = []
    private var offers: [String] = []
    private var events: [RunbookProgress] = []
    private var cancelled = false
    /// Runs before each confirmation is answered (with its index).
    let beforeAnswer: @Sendable (Int) async -> Void
    /// Cancels (as Esc or Ctrl-C would) once a reported progress satisfies it.
    let cancelWhen: @Sendable (RunbookProgress) -> Bool

    init(
        answers: [ConfirmationAnswer] = [.accepted(typed: nil)], rollbackAnswers: [Bool] = [],
        beforeAnswer: @escaping @Sendable (Int) async -> Void = { _ in },
        cancelWhen: @escaping @Sendable (RunbookProgress) -> Bool = { _ in false }
    ) {
        self.answers = answers
        self.rollbackAnswers = rollbackAnswers
        self.beforeAnswer = beforeAnswer
        self.cancelWhen = cancelWhen
    }

    var isCancelled: Bool { lock.withLock { cancelled } }

    /// The drain progress reports, in order.
    var drainReports: [DrainProgress] {
        progress.compactMap { if case .draining(let progress, _) = $0 { progress } else { nil } }
    }

    var previews: [RunbookPreview] { lock.withLock { confirmations } }
    var rollbackOffers: [String] { lock.withLock { offers } }
    var progress: [RunbookProgress] { lock.withLock { events } }

    func confirm(_ preview: RunbookPreview, context: String) async -> ConfirmationAnswer {
        let index = lock.withLock {
            confirmations.append(preview)
            return confirmations.count - 1
        }
        await beforeAnswer(index)
        return lock.withLock { answers.isEmpty ? .declined : answers.removeFirst() }
    }

    func offerRollback(_ reason: String, writes: [KubeWrite]) async -> Bool {
        lock.withLock {
            offers.append(reason)
            return rollbackAnswers.isEmpty ? false : rollbackAnswers.removeFirst()
        }
    }

    func report(_ progress: RunbookProgress) {
        let cancel = cancelWhen(progress)
        lock.withLock {
            events.append(progress)
            if cancel { cancelled = true }
        }
    }
}

extension LiveCluster {
    /// A driver on this cluster's client and store, on the simulator's clock, recording into the journal in the
    /// state directory `folder`.
    func driver(
        _ engineer: ScriptedEngineer, recordsIn folder: String, client: KubeClient? = nil,
        options: RunbookExecution.Options = .init()
    ) async throws -> RunbookDriver {
        let clock = clock
        let (ownClient, store) = (await connection.client, await connection.store)
        return RunbookDriver(
            client: client ?? ownClient, store: store, clock: { clock.now },
            recorder: try Self.recorder(in: folder), conversation: engineer, context: "firebreak-sim",
            options: options)
    }

    /// A recorder on the journal in the state directory `folder`, opened afresh (as a restarted process would).
    static func recorder(in folder: String) throws -> JournalActionRecorder {
        JournalActionRecorder(
            journal: try SQLiteJournal(directory: StateDirectory(path: folder)), context: "firebreak-sim")
    }

    /// Runs `body` (a runbook action) while stepping the simulator `step` seconds at a time, until it returns or
    /// `limit` simulated seconds have passed.
    func runWhileAdvancing<T: Sendable>(
        limit: Double = 900, step: Double = 5, _ body: @escaping @Sendable () async -> T
    ) async throws -> T {
        let task = Task { await body() }
        let finished = Recorder<Bool>()
        let watcher = Task {
            _ = await task.value
            finished.append(true)
        }
        defer { watcher.cancel() }
        var passed = 0.0
        while finished.all.isEmpty, passed < limit {
            try await advance(seconds: step, step: step, pause: .milliseconds(40))
            passed += step
        }
        return await task.value
    }

    /// The built-in runbook with this id.
    static func runbook(_ id: String) throws -> Runbook {
        let (runbook, problems) = RunbookFiles.load(
            RepositoryPaths.root.appendingPathComponent("runbooks/\(id).yaml").path)
        guard let runbook else { throw RunbooksError.invalidRunbook(problems) }
        return runbook
    }

    /// A client authenticated as another of the simulator's users.
    func client(as user: ServedSimulator.User) throws -> KubeClient {
        let path = try served.kubeconfig(for: user)
        let endpoint = try KubeconfigLoader(
            environment: KubeconfigEnvironment(
                variables: [:], homeDirectory: (path as NSString).deletingLastPathComponent)
        ).load(kubeconfigPath: path)
        return try KubeClient(endpoint: endpoint)
    }

    /// kubectl against this simulator as admin: stdout of `kubectl ARGS`.
    func kubectl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let cache = (kubeconfigPath as NSString).deletingLastPathComponent + "/kubectl-cache"
        process.arguments = ["kubectl", "--kubeconfig", kubeconfigPath, "--cache-dir", cache] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A pod of `app` in `namespace` from the store, preferring one whose container was OOM-killed.
    func pod(app: String, namespace: String) async -> PodSummary? {
        let pods = await connection.store.snapshot().pods.values.filter {
            $0.namespace == namespace && $0.labels["app"] == app && $0.deletionTimestamp == nil
        }.sorted { $0.name < $1.name }
        return pods.first { $0.containerStatuses.contains { $0.lastState.termination?.reason == "OOMKilled" } }
            ?? pods.first
    }
}
