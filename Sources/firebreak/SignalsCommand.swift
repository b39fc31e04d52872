import ArgumentParser
import ClusterModel
import Foundation
import Logging

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
        switch await Self.waitConnected(states, timeout: timeout) {
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
        await withTaskGroup(of: Void.self) { group in
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

    /// Waits for the `connected` state (every resource listed), a definite failure, or `timeout` seconds.
    private static func waitConnected(_ states: AsyncStream<ConnectionState>, timeout: Double) async -> FirstContact {
        await withTaskGroup(of: FirstContact.self) { group in
            group.addTask {
                for await state in states {
                    switch state {
                    case .connected: return .connected
                    case .reconnecting(_, let problem) where problem.isDefinite: return .failed(problem)
                    default: continue
                    }
                }
                return .timedOut
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
    }
}

/// Writes observation and state lines straight to stdout (unbuffered, so pipes see each line as it happens).
struct SignalsOutput: Sendable {
    let json: Bool

    func observation(_ observation: Observation) {
        if json {
            write(encode(ObservationLine(observation)))
        } else {
            write(
                [
                    KubeTime.format(observation.lastSeen),
                    observation.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                    observation.kind.rawValue, observation.subject.description, observation.summary,
                ].joined(separator: "  "))
        }
    }

    func state(_ state: ConnectionState, at now: Date) {
        if json {
            var line = StateLine(time: KubeTime.format(now), connection: "reconnected", since: nil)
            if case .stale(let since) = state {
                line.connection = "stale"
                line.since = KubeTime.format(since)
            }
            write(encode(line))
        } else {
            write("\(KubeTime.format(now))  connection  \(state)")
        }
    }

    func fail(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// One observation as a JSON line.
struct ObservationLine: Encodable {
    var time: String
    var kind: String
    var severity: String
    var subject: ObservationSubject
    var evidence: [String: String]
    var summary: String
    var id: String
    var firstSeen: String
    var count: Int

    init(_ observation: Observation) {
        time = KubeTime.format(observation.lastSeen)
        kind = observation.kind.rawValue
        severity = observation.severity.rawValue
        subject = observation.subject
        evidence = observation.evidence
        summary = observation.summary
        id = observation.id
        firstSeen = KubeTime.format(observation.firstSeen)
        count = observation.count
    }
}

/// A connection state change as a JSON line.
struct StateLine: Encodable {
    var time: String
    var connection: String
    var since: String?
}
