import ClusterModel
import Foundation

/// One line of the Signals pane: a group of observations of one kind about one workload's pods (ClusterModel's
/// `SignalGroup`; a lone observation is a group of one), or, under an expanded group, one of its members.
public struct SignalRow: Sendable {
    public var group: SignalGroup
    /// The member this line shows, for the lines under an expanded group; nil for the group's own line.
    public var member: Observation?
    public var isExpanded: Bool
    public var now: Date

    public init(group: SignalGroup, member: Observation? = nil, isExpanded: Bool = false, now: Date) {
        self.group = group
        self.member = member
        self.isExpanded = isExpanded
        self.now = now
    }

    /// The observation the line stands for: the member, or the group's most severe one.
    public var observation: Observation { member ?? group.lead }

    /// A group line of several members, which Enter expands or collapses.
    public var isExpandable: Bool { member == nil && !group.isSingle }

    /// `kube-system/coredns-… [coredns]`.
    static func subjectText(_ subject: ObservationSubject) -> String {
        subject.container.map { "\(subject.path) [\($0)]" } ?? subject.path
    }

    /// The group's owner (`▸ CronJob reports/report-generator`), a member under it (`  └ reports/report-…`), or the
    /// subject of a lone observation.
    var subject: String {
        if let member { return "  └ " + Self.subjectText(member.subject) }
        guard let owner = group.owner, !group.isSingle else { return Self.subjectText(group.lead.subject) }
        return (isExpanded ? "▾ " : "▸ ") + "\(owner.kind) \(owner.namespace)/\(owner.name)"
    }

    var evidence: String { member?.summary ?? group.summary }

    var lastSeen: Date { member?.lastSeen ?? group.lastSeen }

    var isActive: Bool { member?.isActive ?? group.isActive }

    var severityRole: Role {
        guard isActive else { return .dim }
        switch observation.severity {
        case .critical: return .severityCritical
        case .warning: return .severityWarning
        case .info: return .severityInfo
        }
    }

    /// The rows of `groups` in order, with the members of the expanded ones (by group id) under them.
    static func rows(_ groups: [SignalGroup], expanded: Set<String>, now: Date) -> [SignalRow] {
        var rows: [SignalRow] = []
        for group in groups {
            let isExpanded = !group.isSingle && expanded.contains(group.id)
            rows.append(SignalRow(group: group, isExpanded: isExpanded, now: now))
            if isExpanded {
                rows += group.observations.map { SignalRow(group: group, member: $0, isExpanded: true, now: now) }
            }
        }
        return rows
    }
}
