import Foundation

extension SignalRules {
    /// OOM kills, possible OOMs (exit 137 reason Error), CrashLoopBackOff and restart bursts.
    static func containerFindings(
        previous: ClusterSnapshot?, current: ClusterSnapshot, metrics: MetricsSnapshot,
        history: inout SignalHistory, now: Date, thresholds: SignalThresholds
    ) -> [Finding] {
        var findings: [Finding] = []
        history.recordRestarts(
            previous: previous, current: current, now: now, keeping: thresholds.restartSampleWindow)
        for pod in current.pods.values {
            for status in pod.containerStatuses {
                let ref = ContainerRef(namespace: pod.namespace, pod: pod.name, container: status.name)
                if let finding = oomFinding(
                    pod, status, ref: ref, metrics: metrics, history: &history, now: now, thresholds: thresholds)
                {
                    findings.append(finding)
                }
                if status.state.waitingReason == "CrashLoopBackOff" {
                    findings.append(crashLoopFinding(pod, status, ref: ref))
                }
                if let finding = restartFinding(
                    pod, status, ref: ref, history: history, now: now, thresholds: thresholds)
                {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private static func oomFinding(
        _ pod: PodSummary, _ status: ContainerStatusSummary, ref: ContainerRef,
        metrics: MetricsSnapshot, history: inout SignalHistory, now: Date,
        thresholds: SignalThresholds
    ) -> Finding? {
        let terminations = [status.state.termination, status.lastState.termination].compactMap { $0 }
        guard
            let termination = terminations.first(where: { $0.reason == "OOMKilled" })
                ?? terminations.first(where: { $0.exitCode == 137 })
        else { return nil }
        if let finished = termination.finishedAt, now.timeIntervalSince(finished) > thresholds.retention { return nil }
        let isOOM = termination.reason == "OOMKilled"
        let kind: ObservationKind = isOOM ? .oomKilled : .possibleOOM
        let id = "\(kind.rawValue)/\(ref)"
        var seen = history.oomTerminations[id] ?? []
        seen.insert(termination.finishedAt ?? .distantPast)
        seen = seen.filter { $0 == .distantPast || now.timeIntervalSince($0) <= thresholds.retention }
        history.oomTerminations[id] = seen
        let limit =
            pod.container(named: status.name)?.resources.memoryLimitBytes
            ?? metrics.containers[ref]?.memoryLimitBytes.flatMap { $0 > 0 ? $0 : nil }
        let workingSet = metrics.containers[ref]?.workingSet(of: status)
        var evidence = [
            "exitCode": String(termination.exitCode), "reason": termination.reason ?? "",
            "restartCount": String(status.restartCount),
        ]
        if let finished = termination.finishedAt { evidence["finishedAt"] = KubeTime.format(finished) }
        if let limit { evidence["memoryLimit"] = Formatting.bytes(limit) }
        if let workingSet { evidence["workingSet"] = Formatting.bytes(workingSet) }
        let kills = seen.filter { $0 != .distantPast }
        let first = kills.min()
        let span = first.map { " in \(Formatting.duration(now.timeIntervalSince($0)))" } ?? ""
        var summary =
            isOOM
            ? "OOMKilled \(seen.count)×\(span)"
            : "Killed (exit 137, reason \(termination.reason ?? "none")): possible OOM"
        if let limit { summary += " at limit \(Formatting.bytes(limit))" }
        if let workingSet { summary += ", working set \(Formatting.bytes(workingSet))" }
        return Finding(
            id: id, kind: kind, severity: isOOM ? .critical : .warning,
            subject: podSubject(pod, container: status.name),
            evidence: evidence, summary: summary, count: seen.count, firstSeen: first,
            lastSeen: kills.max())
    }

    private static func crashLoopFinding(_ pod: PodSummary, _ status: ContainerStatusSummary, ref: ContainerRef)
        -> Finding
    {
        var evidence = ["restartCount": String(status.restartCount)]
        if case .waiting(_, let message?) = status.state { evidence["message"] = message }
        var summary = "CrashLoopBackOff after \(status.restartCount) restarts"
        if let last = status.lastState.termination {
            evidence["lastExitCode"] = String(last.exitCode)
            evidence["lastReason"] = last.reason ?? ""
            summary += ", last exit \(last.exitCode)" + (last.reason.map { " (\($0))" } ?? "")
        }
        return Finding(
            id: "crashLoopBackOff/\(ref)", kind: .crashLoopBackOff, severity: .warning,
            subject: podSubject(pod, container: status.name), evidence: evidence, summary: summary)
    }

    /// Restarts within the burst window, from the restart-count samples kept in history.
    private static func restartFinding(
        _ pod: PodSummary, _ status: ContainerStatusSummary, ref: ContainerRef, history: SignalHistory, now: Date,
        thresholds: SignalThresholds
    ) -> Finding? {
        let restarts = history.restarts(
            of: ref, currentCount: status.restartCount, podCreated: pod.createdAt, within: thresholds.restartWindow,
            now: now)
        guard thresholds.isRestartBurst(restarts) else { return nil }
        let evidence = [
            "restarts": String(restarts), "window": Formatting.duration(thresholds.restartWindow),
            "restartCount": String(status.restartCount),
        ]
        return Finding(
            id: "restartBurst/\(ref)", kind: .restartBurst, severity: .warning,
            subject: podSubject(pod, container: status.name), evidence: evidence,
            summary:
                "\(restarts) restarts in \(Formatting.duration(thresholds.restartWindow)) (\(status.restartCount) total)",
            count: restarts)
    }
}
