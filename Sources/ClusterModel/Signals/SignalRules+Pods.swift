import Foundation

extension SignalRules {
    /// Evictions (status, DisruptionTarget condition, `Evicted` events), long-pending pods and probe failures.
    static func podFindings(_ current: ClusterSnapshot, now: Date, thresholds: SignalThresholds) -> [Finding] {
        var findings: [Finding] = []
        for pod in current.pods.values {
            if pod.reason == "Evicted" || pod.disruptionTarget?.status == .isTrue {
                let reason = pod.reason == "Evicted" ? "Evicted" : pod.disruptionTarget?.reason ?? "DisruptionTarget"
                let message = pod.message ?? pod.disruptionTarget?.message ?? ""
                findings.append(
                    Finding(
                        id: "eviction/\(pod.namespace)/\(pod.name)", kind: .eviction, severity: .warning,
                        subject: podSubject(pod), evidence: ["reason": reason, "message": message],
                        summary: "Evicted (\(reason))" + (message.isEmpty ? "" : ": \(message)"),
                        firstSeen: pod.disruptionTarget?.lastTransitionTime))
            }
            if pod.phase == "Pending", pod.deletionTimestamp == nil, let created = pod.createdAt,
                now.timeIntervalSince(created) >= thresholds.pendingAfter
            {
                var evidence = ["pendingFor": Formatting.duration(now.timeIntervalSince(created))]
                var detail = ""
                if let scheduled = pod.scheduled, scheduled.status != .isTrue {
                    evidence["reason"] = scheduled.reason ?? ""
                    evidence["message"] = scheduled.message ?? ""
                    detail = scheduled.reason.map { ": \($0)" } ?? ""
                } else if let waiting = pod.containerStatuses.compactMap({ $0.state.waitingReason }).first {
                    evidence["reason"] = waiting
                    detail = ": \(waiting)"
                }
                findings.append(
                    Finding(
                        id: "podPending/\(pod.namespace)/\(pod.name)", kind: .podPending, severity: .warning,
                        subject: podSubject(pod), evidence: evidence,
                        summary: "Pending for \(Formatting.duration(now.timeIntervalSince(created)))\(detail)",
                        firstSeen: created))
            }
        }
        for event in current.events.values where event.involvedObject.kind == "Pod" {
            guard let last = event.lastSeen, now.timeIntervalSince(last) <= thresholds.eventWindow,
                let name = event.involvedObject.name
            else { continue }
            let namespace = event.involvedObject.namespace ?? event.namespace
            let subject = ObservationSubject(
                kind: "Pod", namespace: namespace, name: name,
                container: containerName(fromFieldPath: event.involvedObject.fieldPath))
            switch event.reason {
            case "Unhealthy":
                let id = "probeFailure/\(namespace)/\(name)" + (subject.container.map { "/\($0)" } ?? "")
                findings.append(
                    Finding(
                        id: id, kind: .probeFailure, severity: .warning, subject: subject,
                        evidence: ["message": event.message, "count": String(event.count)],
                        summary: "\(event.count)× \(event.message)", count: event.count,
                        firstSeen: event.firstSeen, lastSeen: last))
            case "Evicted":
                findings.append(
                    Finding(
                        id: "eviction/\(namespace)/\(name)", kind: .eviction, severity: .warning,
                        subject: ObservationSubject(kind: "Pod", namespace: namespace, name: name),
                        evidence: ["reason": "Evicted", "message": event.message],
                        summary: "Evicted: \(event.message)", firstSeen: event.firstSeen, lastSeen: last))
            default:
                continue
            }
        }
        return findings
    }

    /// `spec.containers{web}` → `web`.
    static func containerName(fromFieldPath path: String?) -> String? {
        guard let path, let open = path.firstIndex(of: "{"), let close = path.lastIndex(of: "}"), open < close else {
            return nil
        }
        return String(path[path.index(after: open)..<close])
    }
}
