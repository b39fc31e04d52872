import Foundation

extension SignalRules {
    /// NotReady (Ready False/Unknown), Memory/Disk/PID pressure, and node OOM events (`SystemOOM`, `OOMKilling`).
    static func nodeFindings(_ current: ClusterSnapshot, now: Date, thresholds: SignalThresholds) -> [Finding] {
        var findings: [Finding] = []
        for node in current.nodes.values {
            let subject = ObservationSubject(kind: "Node", name: node.name)
            if let ready = node.ready, ready.status != .isTrue {
                var evidence = ["status": ready.status.rawValue, "reason": ready.reason ?? ""]
                if let message = ready.message { evidence["message"] = message }
                let since =
                    ready.lastTransitionTime.map { " for \(Formatting.duration(now.timeIntervalSince($0)))" } ?? ""
                findings.append(
                    Finding(
                        id: "nodeNotReady/\(node.name)", kind: .nodeNotReady, severity: .critical,
                        subject: subject, evidence: evidence,
                        summary:
                            "NotReady (Ready=\(ready.status.rawValue)\(ready.reason.map { ", \($0)" } ?? ""))\(since)",
                        firstSeen: ready.lastTransitionTime))
            }
            let pressures = [
                ("MemoryPressure", node.memoryPressure), ("DiskPressure", node.diskPressure),
                ("PIDPressure", node.pidPressure),
            ]
            for (type, condition) in pressures {
                guard let condition, condition.status == .isTrue else { continue }
                var evidence = ["condition": type, "reason": condition.reason ?? ""]
                if let message = condition.message { evidence["message"] = message }
                findings.append(
                    Finding(
                        id: "nodePressure/\(node.name)/\(type)", kind: .nodePressure, severity: .warning,
                        subject: subject, evidence: evidence,
                        summary: "\(type)" + (condition.message.map { ": \($0)" } ?? ""),
                        firstSeen: condition.lastTransitionTime))
            }
        }
        // Newest first: several OOM events on one node make one observation, whose summary and last-seen come from
        // the first finding (not from whichever event a dictionary yields first).
        let newestFirst = current.events.sorted { lhs, rhs in
            (lhs.value.lastSeen ?? .distantPast, rhs.key) > (rhs.value.lastSeen ?? .distantPast, lhs.key)
        }
        let oomEvents = newestFirst.compactMap { _, event -> (node: String, last: Date, event: EventSummary)? in
            guard ["SystemOOM", "OOMKilling"].contains(event.reason), event.involvedObject.kind == "Node",
                let node = event.involvedObject.name ?? event.sourceHost,
                let last = event.lastSeen, now.timeIntervalSince(last) <= thresholds.retention
            else { return nil }
            return (node, last, event)
        }
        // The kernel writes one event per kill (its message names the pid), so the summary counts them all.
        var kills: [String: Int] = [:]
        for (node, _, event) in oomEvents { kills[node, default: 0] += event.count }
        for (node, last, event) in oomEvents {
            findings.append(
                Finding(
                    id: "nodeOOM/\(node)", kind: .nodeOOM, severity: .critical,
                    subject: ObservationSubject(kind: "Node", name: node),
                    evidence: ["reason": event.reason, "message": event.message, "count": String(event.count)],
                    summary: "\(event.reason) \(kills[node] ?? event.count)×: \(event.message)", count: event.count,
                    firstSeen: event.firstSeen, lastSeen: last))
        }
        return findings
    }
}
