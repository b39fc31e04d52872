import Foundation

/// Derives observations from cluster snapshots and metrics. Pure: no I/O, time comes in as `now`.
public enum SignalRules {
    /// Evaluates every rule, merges the findings into `history` and returns the current observations
    /// (active ones, plus inactive ones still within `thresholds.retention`) most severe first.
    public static func evaluate(
        previous: ClusterSnapshot?, current: ClusterSnapshot, metrics: MetricsSnapshot,
        history: SignalHistory, now: Date, thresholds: SignalThresholds
    ) -> SignalEvaluation {
        var history = history
        var findings: [Finding] = []
        findings += containerFindings(
            previous: previous, current: current, metrics: metrics,
            history: &history, now: now, thresholds: thresholds)
        findings += nodeFindings(current, now: now, thresholds: thresholds)
        findings += podFindings(current, now: now, thresholds: thresholds)
        findings += workloadFindings(current, history: &history, now: now, thresholds: thresholds)
        findings += metricFindings(current, metrics: metrics, history: &history, now: now, thresholds: thresholds)
        findings += mountFindings(current, now: now, thresholds: thresholds)
        let observations = merge(findings, into: &history, now: now, thresholds: thresholds)
        return SignalEvaluation(observations: observations, history: history)
    }

    /// Stateless form: the observations visible from `previous` → `current` alone (no retained history).
    public static func detect(
        previous: ClusterSnapshot?, current: ClusterSnapshot, metrics: MetricsSnapshot,
        now: Date, thresholds: SignalThresholds
    ) -> [Observation] {
        evaluate(
            previous: previous, current: current, metrics: metrics, history: SignalHistory(),
            now: now, thresholds: thresholds
        ).observations
    }

    static func merge(
        _ findings: [Finding], into history: inout SignalHistory, now: Date,
        thresholds: SignalThresholds
    ) -> [Observation] {
        var seen = Set<String>()
        for finding in findings {
            if seen.contains(finding.id), var existing = history.observations[finding.id] {
                existing.count += finding.count ?? 0
                history.observations[finding.id] = existing
                continue
            }
            seen.insert(finding.id)
            let lastSeen = finding.lastSeen ?? now
            if var existing = history.observations[finding.id] {
                existing.lastSeen = max(existing.lastSeen, lastSeen)
                existing.count = finding.count ?? existing.count
                existing.severity = finding.severity
                existing.evidence = finding.evidence
                existing.summary = finding.summary
                existing.isActive = true
                history.observations[finding.id] = existing
            } else {
                history.observations[finding.id] = Observation(
                    id: finding.id, kind: finding.kind, severity: finding.severity, subject: finding.subject,
                    firstSeen: min(finding.firstSeen ?? now, lastSeen), lastSeen: lastSeen, count: finding.count ?? 1,
                    evidence: finding.evidence, summary: finding.summary)
            }
        }
        for (id, var observation) in history.observations where !seen.contains(id) {
            if now.timeIntervalSince(observation.lastSeen) > thresholds.retention {
                history.observations[id] = nil
            } else if observation.isActive {
                observation.isActive = false
                history.observations[id] = observation
            }
        }
        return history.observations.values.sorted {
            ($0.severity, $0.lastSeen, $1.id) > ($1.severity, $1.lastSeen, $0.id)
        }
    }

    static func podSubject(_ pod: PodSummary, container: String? = nil) -> ObservationSubject {
        ObservationSubject(kind: "Pod", namespace: pod.namespace, name: pod.name, container: container)
    }
}
