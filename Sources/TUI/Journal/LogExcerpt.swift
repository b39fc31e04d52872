import ClusterModel
import Foundation
import Timeline

/// Lines of a container's log that the engineer adds to the incident (`e` in the log view): the lines on screen.
public struct LogExcerpt: Hashable, Sendable {
    public var namespace: String
    public var pod: String
    public var container: String
    /// From the previous (for example OOM-killed) run rather than the current one.
    public var isPrevious: Bool
    /// The number of the first line in the view's numbering.
    public var firstNumber: Int
    public var lines: [LogLine]

    public init(
        namespace: String, pod: String, container: String, isPrevious: Bool, firstNumber: Int, lines: [LogLine]
    ) {
        self.namespace = namespace
        self.pod = pod
        self.container = container
        self.isPrevious = isPrevious
        self.firstNumber = firstNumber
        self.lines = lines
    }

    /// The lines on screen of `view` laid out by `layout` (each line counted once, however many rows it wraps to).
    init(_ view: LogViewState, layout: LogLayout) {
        let first = layout.firstLine(of: view)
        var number = first
        var rows = 0
        var lines: [LogLine] = []
        while number < view.lines.endNumber, let line = view.lines[number] {
            rows += layout.rows(of: number, in: view)
            if rows > layout.text.height, !lines.isEmpty { break }
            lines.append(line)
            number += 1
        }
        self.init(
            namespace: view.subject.namespace, pod: view.subject.pod, container: view.container.name,
            isPrevious: view.isPrevious, firstNumber: first, lines: lines)
    }

    /// A note entry holding the lines as evidence (the journal redacts secrets in them when it writes).
    func draft(context: String, at clusterTime: Date) -> EntryDraft {
        let run = isPrevious ? "previous run" : "current run"
        let last = lines.last.map { ": " + $0.text } ?? ""
        var evidence: Evidence = [
            "log": .array(lines.map { .string($0.text) }), "container": .string(container),
            "run": .string(run), "firstLine": .number(Double(firstNumber)),
        ]
        if let time = lines.first?.time { evidence["from"] = .string(KubeTime.format(time)) }
        if let time = lines.last?.time { evidence["to"] = .string(KubeTime.format(time)) }
        return EntryDraft(
            context: context, clusterTime: clusterTime, source: "engineer",
            subject: ObservationSubject(kind: "Pod", namespace: namespace, name: pod, container: container),
            summary: "\(lines.count) log lines of \(container) (\(run))\(last)", evidence: evidence, body: .note)
    }
}
