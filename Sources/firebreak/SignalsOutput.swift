import ClusterModel
import Foundation

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
                    observation.severity.title.padding(toLength: 8, withPad: " ", startingAt: 0),
                    observation.kind.title, observation.subject.description, observation.summary,
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

    /// A progress line on stderr while waiting.
    func progress(_ message: String) {
        FileHandle.standardError.write(Data("firebreak: \(message)\n".utf8))
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
