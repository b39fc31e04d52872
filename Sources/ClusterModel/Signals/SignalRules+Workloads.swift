import Foundation

extension SignalRules {
    /// Workloads with fewer available replicas than desired for longer than `replicasUnavailableAfter`.
    /// ReplicaSets owned by a Deployment are left to their Deployment.
    static func workloadFindings(
        _ current: ClusterSnapshot, history: inout SignalHistory, now: Date,
        thresholds: SignalThresholds
    ) -> [Finding] {
        var findings: [Finding] = []
        var below = Set<String>()
        for workload in current.workloads {
            if workload.kind == "ReplicaSet", workload.controller != nil { continue }
            guard !workload.isPaused, workload.desiredReplicas > 0,
                workload.availableReplicas < workload.desiredReplicas
            else { continue }
            let id = "replicasUnavailable/\(workload.kind)/\(workload.namespace)/\(workload.name)"
            below.insert(id)
            let since = history.heldSince[id] ?? now
            history.heldSince[id] = since
            guard now.timeIntervalSince(since) >= thresholds.replicasUnavailableAfter else { continue }
            let evidence = [
                "desired": String(workload.desiredReplicas), "available": String(workload.availableReplicas),
                "ready": String(workload.readyReplicas), "updated": String(workload.updatedReplicas),
            ]
            findings.append(
                Finding(
                    id: id, kind: .replicasUnavailable, severity: .warning,
                    subject: ObservationSubject(
                        kind: workload.kind, namespace: workload.namespace, name: workload.name),
                    evidence: evidence,
                    summary:
                        "\(workload.availableReplicas)/\(workload.desiredReplicas) replicas available for \(Formatting.duration(now.timeIntervalSince(since)))",
                    firstSeen: since))
        }
        for key in history.heldSince.keys where key.hasPrefix("replicasUnavailable/") && !below.contains(key) {
            history.heldSince[key] = nil
        }
        return findings
    }
}
