import ClusterModel
import Foundation

/// One line of the Events pane: the events about one object for one reason (ClusterModel's `EventGroup`).
public struct EventRow: Sendable {
    public var group: EventGroup
    public var now: Date

    public init(group: EventGroup, now: Date) {
        self.group = group
        self.now = now
    }

    /// `Pod kube-system/coredns-…`.
    var objectText: String {
        group.object.kind.isEmpty ? group.object.path : "\(group.object.kind) \(group.object.path)"
    }

    /// The Events pane's rows: Warning groups, and Normal ones too when `includeNormal`; newest first.
    static func rows(_ events: some Sequence<EventSummary>, includeNormal: Bool, now: Date) -> [EventRow] {
        EventGroup.grouping(events, includeNormal: includeNormal).map { EventRow(group: $0, now: now) }
    }
}
