import ClusterModel
import Foundation

/// One line of the Signals or Timeline pane: an observation and the time it is shown at.
public struct SignalRow: Sendable {
    public var observation: Observation
    public var now: Date

    public init(observation: Observation, now: Date) {
        self.observation = observation
        self.now = now
    }

    /// `kube-system/coredns-…` plus `/container` when the observation names one.
    var subject: String {
        let subject = observation.subject
        let base = [subject.namespace, subject.name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/")
        return subject.container.map { "\(base) [\($0)]" } ?? base
    }

    var severityRole: Role {
        switch observation.severity {
        case .critical: .severityCritical
        case .warning: .severityWarning
        case .info: .severityInfo
        }
    }

    var severityText: String {
        observation.isActive ? observation.severity.rawValue.uppercased() : observation.severity.rawValue
    }

    /// Most severe first, then active before cleared, then most recent.
    static func ranked(_ observations: [Observation], now: Date) -> [SignalRow] {
        observations.sorted { left, right in
            if left.severity != right.severity { return left.severity > right.severity }
            if left.isActive != right.isActive { return left.isActive }
            if left.lastSeen != right.lastSeen { return left.lastSeen > right.lastSeen }
            return left.id < right.id
        }.map { SignalRow(observation: $0, now: now) }
    }
}
