import Foundation

extension SignalRules {
    /// CPU throttling held above the ratio (CPUThrottlingHigh) and memory working set near the limit.
    static func metricFindings(
        _ current: ClusterSnapshot, metrics: MetricsSnapshot, history: inout SignalHistory,
        now: Date, thresholds: SignalThresholds
    ) -> [Finding] {
        var findings: [Finding] = []
        var throttled = Set<String>()
        for (ref, usage) in metrics.containers {
            let pod = current.pods[ObjectKey(namespace: ref.namespace, name: ref.pod)]
            let subject = ObservationSubject(
                kind: "Pod", namespace: ref.namespace, name: ref.pod, container: ref.container)
            if let ratio = usage.cpuThrottleRatio, thresholds.isThrottled(ratio) {
                let id = "cpuThrottling/\(ref)"
                throttled.insert(id)
                let since = history.heldSince[id] ?? now
                history.heldSince[id] = since
                if now.timeIntervalSince(since) >= thresholds.cpuThrottlingHeldFor {
                    var evidence = [
                        "alert": "CPUThrottlingHigh", "throttledRatio": Formatting.percent(ratio),
                        "heldFor": Formatting.duration(now.timeIntervalSince(since)),
                    ]
                    let limit = pod?.container(named: ref.container)?.resources.cpuLimitMillis
                    if let limit { evidence["cpuLimit"] = Formatting.millicores(limit) }
                    findings.append(
                        Finding(
                            id: id, kind: .cpuThrottling, severity: .warning, subject: subject, evidence: evidence,
                            summary:
                                "CPU throttled \(Formatting.percent(ratio)) of periods for \(Formatting.duration(now.timeIntervalSince(since)))"
                                + (limit.map { " at limit \(Formatting.millicores($0))" } ?? ""),
                            firstSeen: since))
                }
            }
            let specLimit = pod?.container(named: ref.container)?.resources.memoryLimitBytes
            let limit = specLimit ?? usage.memoryLimitBytes.flatMap { $0 > 0 ? $0 : nil }
            if let workingSet = usage.workingSetBytes, let limit, limit > 0 {
                let ratio = Double(workingSet) / Double(limit)
                if thresholds.isNearMemoryLimit(ratio) {
                    findings.append(
                        Finding(
                            id: "memoryNearLimit/\(ref)", kind: .memoryNearLimit, severity: .warning,
                            subject: subject,
                            evidence: [
                                "workingSet": Formatting.bytes(workingSet), "memoryLimit": Formatting.bytes(limit),
                                "ratio": Formatting.percent(ratio),
                            ],
                            summary:
                                "Working set \(Formatting.bytes(workingSet)) is \(Formatting.percent(ratio)) of limit \(Formatting.bytes(limit))"
                        ))
                }
            }
        }
        for key in history.heldSince.keys where key.hasPrefix("cpuThrottling/") && !throttled.contains(key) {
            history.heldSince[key] = nil
        }
        return findings
    }
}
