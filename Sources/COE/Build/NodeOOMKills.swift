import ClusterModel
import Foundation
import Timeline

/// A node's OOM kills reach the journal twice: as the Node OOM signal (which counts them) and as the kernel's
/// Warning events (one per kill). The timeline shows them as one line: each such event is folded into the signal of
/// the same node whose occurrence spans it.
enum NodeOOMKills {
    /// How far apart in time an event and the signal counting it may be recorded: a signal pass or a scrape.
    static let slack: TimeInterval = 60
    static let reasons: Set<String> = ["OOMKilling", "SystemOOM"]

    /// For each Node OOM signal among `entries` (by sequence), the Warning events folded into it, oldest first.
    static func folded(_ entries: [JournalEntry]) -> [Int64: [JournalEntry]] {
        let signals = entries.filter { entry in
            if case .observation(let record) = entry.body { return record.kind == .nodeOOM }
            return false
        }
        var folded: [Int64: [JournalEntry]] = [:]
        for event in entries {
            guard case .warningEvent(let record) = event.body, reasons.contains(record.reason),
                let node = event.subject, node.kind == "Node"
            else { continue }
            let time = record.occurrence.firstSeen
            let signal = signals.first { signal in
                guard signal.subject == node, case .observation(let observed) = signal.body else { return false }
                let span = observed.occurrence
                return span.firstSeen.addingTimeInterval(-slack) <= time
                    && time <= span.lastSeen.addingTimeInterval(slack)
            }
            if let signal { folded[signal.sequence, default: []].append(event) }
        }
        return folded.mapValues { $0.sorted { time(of: $0) < time(of: $1) } }
    }

    /// `; kills at 09:02:35, 09:03:09 (Warning events)`: when each folded event says the kernel killed.
    static func text(_ events: [JournalEntry]) -> String {
        "; kills at \(events.map { COEFormat.time(time(of: $0)) }.joined(separator: ", ")) (Warning events)"
    }

    private static func time(of event: JournalEntry) -> Date {
        if case .warningEvent(let record) = event.body { return record.occurrence.firstSeen }
        return event.stamp.cluster
    }
}
