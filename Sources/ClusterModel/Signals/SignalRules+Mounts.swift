import Foundation

extension SignalRules {
    /// The event reasons the kubelet and the attach/detach controller give when a pod's volume cannot be set up.
    static let mountFailureReasons: Set<String> = ["FailedMount", "FailedAttachVolume"]

    /// Pods whose volumes fail to mount: `FailedMount` and `FailedAttachVolume` warnings, summed per pod over those
    /// last seen within `eventWindow`, at `mountFailureCount` or more (the pod cannot start until they pass).
    static func mountFindings(_ current: ClusterSnapshot, now: Date, thresholds: SignalThresholds) -> [Finding] {
        var byPod: [ObjectKey: [EventSummary]] = [:]
        for event in current.events.values
        where event.type == "Warning" && event.involvedObject.kind == "Pod"
            && mountFailureReasons.contains(event.reason)
        {
            guard let name = event.involvedObject.name, let last = event.lastSeen,
                now.timeIntervalSince(last) <= thresholds.eventWindow
            else { continue }
            byPod[ObjectKey(namespace: event.involvedObject.namespace ?? event.namespace, name: name), default: []]
                .append(event)
        }
        return byPod.compactMap { key, events in
            let count = events.reduce(0) { $0 + $1.count }
            guard thresholds.isMountFailure(count),
                let latest = events.max(by: { ($0.lastSeen ?? .distantPast) < ($1.lastSeen ?? .distantPast) })
            else { return nil }
            let reasons = Set(events.map(\.reason)).sorted().joined(separator: ", ")
            return Finding(
                id: "mountFailure/\(key.namespace)/\(key.name)", kind: .mountFailure, severity: .warning,
                subject: ObservationSubject(kind: "Pod", namespace: key.namespace, name: key.name),
                evidence: ["reason": reasons, "message": latest.message, "count": String(count)],
                summary: "\(reasons) \(count)×: \(latest.message)", count: count,
                firstSeen: events.compactMap(\.firstSeen).min(), lastSeen: latest.lastSeen)
        }
    }
}
