import ArgumentParser
import ClusterModel
import Foundation
import Logging
import Timeline

/// `firebreak signals`: what the console would flag, as text or JSON lines, once or following the cluster.
struct SignalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Print the current observations (OOM kills, crash loops, NotReady nodes, throttling, ...).",
        discussion:
            "Most severe first, one a line. With --follow, keeps printing new observations and connection changes."
    )

    @OptionGroup var target: ClusterTargetOptions

    @Flag(help: "Keep running and print each new observation and connection state change.")
    var follow = false

    @Flag(help: "One JSON object a line: time, kind, severity, subject, evidence.")
    var json = false

    @Option(help: "Seconds to wait for the first complete view of the cluster.")
    var timeout: Double = 30

    @Option(help: "With --follow: the state directory whose journal's current incident records what is seen.")
    var stateDir: String?

    func run() async throws {
        let output = SignalsOutput(json: json)
        let endpoint: ClusterEndpoint
        let connection: ClusterConnection
        do {
            endpoint = try target.endpoint()
            var logger = Logger(label: "firebreak.signals")
            logger.logLevel = .critical
            connection = try ClusterConnection(endpoint: endpoint, namespace: target.namespace, logger: logger)
        } catch {
            output.fail("\(error)")
            throw ExitCode(1)
        }
        let states = connection.stateUpdates()
        let observations = connection.observationUpdates()
        await connection.start()
        switch await Self.waitConnected(states, timeout: timeout, output: output) {
        case .connected:
            break
        case .failed(let problem):
            output.fail("\(problem) (context '\(endpoint.contextName)', \(endpoint.server.absoluteString))")
            await connection.stop()
            throw ExitCode(1)
        case .timedOut:
            let health = await connection.store.snapshot().health
            output.fail(
                "\(endpoint.server.absoluteString) (context '\(endpoint.contextName)'): no complete view after "
                    + "\(Int(timeout))s" + (health.lastError.map { ": \($0)" } ?? ""))
            await connection.stop()
            throw ExitCode(1)
        }
        for reason in await connection.store.snapshot().health.unavailableResources.values.sorted() {
            output.fail(reason)
        }
        let current = await connection.evaluateNow()
        guard follow else {
            for observation in current.filter(\.isActive).sorted(by: Self.mostSevereFirst) {
                output.observation(observation)
            }
            await connection.stop()
            return
        }
        let recorder = await Self.currentIncidentRecorder(stateDir: stateDir, context: endpoint.contextName, output)
        await withTaskGroup(of: Void.self) { group in
            if let recorder {
                group.addTask {
                    await ConnectionRecording.follow(connection, into: recorder) { error in
                        output.progress("journal: \(error)")
                    }
                }
            }
            group.addTask {
                for await state in states {
                    switch state {
                    case .stale, .reconnected: output.state(state, at: connection.clock.now())
                    case .connected, .reconnecting: break
                    }
                }
            }
            group.addTask {
                for await batch in observations {
                    for observation in batch.sorted(by: Self.mostSevereFirst) { output.observation(observation) }
                }
            }
        }
    }

    /// A recorder into the journal's current incident when one is open on `context`; nil (said on stderr) otherwise.
    private static func currentIncidentRecorder(
        stateDir: String?, context: String, _ output: SignalsOutput
    ) async -> IncidentRecorder? {
        let directory = StateDirectory.resolve(explicit: stateDir)
        guard FileManager.default.fileExists(atPath: directory.journalPath) else { return nil }
        do {
            let journal = try SQLiteJournal(directory: directory)
            guard let incident = try await journal.currentIncident(), incident.isOpen, incident.context == context
            else { return nil }
            output.progress("recording into incident \(incident.shortID) '\(incident.title)'")
            return IncidentRecorder(journal: journal, incident: incident.id, context: context)
        } catch {
            output.progress("journal: \(error); not recording")
            return nil
        }
    }

    private static func mostSevereFirst(_ a: Observation, _ b: Observation) -> Bool {
        a.severity != b.severity ? a.severity > b.severity : a.lastSeen < b.lastSeen
    }

    /// How the wait for the first complete view ended.
    private enum FirstContact: Sendable {
        case connected
        /// A refusal, a TLS failure or rejected credentials: retrying will not help a one-shot command.
        case failed(ConnectionProblem)
        case timedOut
    }

    /// Waits for the `connected` state (every resource listed), a definite failure, or `timeout` seconds; says every
    /// 5 seconds on stderr what it is still waiting for.
    private static func waitConnected(
        _ states: AsyncStream<ConnectionState>, timeout: Double, output: SignalsOutput
    ) async -> FirstContact {
        let lastProblem = LastProblem()
        return await withTaskGroup(of: FirstContact.self) { group in
            group.addTask {
                for await state in states {
                    switch state {
                    case .connected: return .connected
                    case .reconnecting(_, let problem) where problem.isDefinite: return .failed(problem)
                    case .reconnecting(_, let problem): lastProblem.value = problem
                    default: continue
                    }
                }
                return .timedOut
            }
            group.addTask {
                var waited = 0.0
                while waited < timeout {
                    let step = min(5, timeout - waited)
                    try? await Task.sleep(for: .seconds(step))
                    waited += step
                    if Task.isCancelled { return .timedOut }
                    if waited < timeout {
                        let why = lastProblem.value.map { ": \($0)" } ?? ""
                        output.progress(
                            "still waiting for a complete view (\(Int(waited)) s of \(Int(timeout)) s)\(why)")
                    }
                }
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
    }
}

/// The latest retry reason, shared by the tasks of the wait.
private final class LastProblem: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ConnectionProblem?
    var value: ConnectionProblem? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
