import Foundation

/// The events about one object for one reason, added up: `BackOff` on a pod seen 14 times, last 20 s ago, with the
/// newest message. What the console's Events pane lists and how it aggregates (kubectl lists each Event object).
public struct EventGroup: Sendable, Equatable, Identifiable {
    /// `Kind/namespace/name/reason`.
    public var id: String
    /// `Warning` or `Normal`.
    public var type: String
    public var reason: String
    /// The object the events are about.
    public var object: ObservationSubject
    /// Occurrences over every event of the group.
    public var count: Int
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// The newest event's message and reporting component.
    public var message: String
    public var source: String?
    /// Event objects folded into the group.
    public var eventCount: Int

    public var isWarning: Bool { type == "Warning" }

    /// Groups events by object and reason, newest first (by last seen, then id); Normal events only when asked for.
    public static func grouping(_ events: some Sequence<EventSummary>, includeNormal: Bool) -> [EventGroup] {
        var groups: [String: EventGroup] = [:]
        for event in events where includeNormal || event.type == "Warning" {
            let object = ObservationSubject(
                kind: event.involvedObject.kind ?? "",
                namespace: event.involvedObject.namespace.flatMap { $0.isEmpty ? nil : $0 },
                name: event.involvedObject.name ?? "")
            let id = "\(object.kind)/\(object.namespace ?? "")/\(object.name)/\(event.reason)"
            guard var group = groups[id] else {
                groups[id] = EventGroup(
                    id: id, type: event.type, reason: event.reason, object: object, count: event.count,
                    firstSeen: event.firstSeen, lastSeen: event.lastSeen, message: event.message,
                    source: event.sourceComponent, eventCount: 1)
                continue
            }
            group.count += event.count
            group.eventCount += 1
            group.firstSeen = [group.firstSeen, event.firstSeen].compactMap { $0 }.min()
            if (event.lastSeen ?? .distantPast) >= (group.lastSeen ?? .distantPast) {
                group.lastSeen = event.lastSeen ?? group.lastSeen
                group.message = event.message
                group.source = event.sourceComponent ?? group.source
                if event.type == "Warning" { group.type = "Warning" }
            }
            groups[id] = group
        }
        return groups.values.sorted { left, right in
            let (l, r) = (left.lastSeen ?? .distantPast, right.lastSeen ?? .distantPast)
            return l != r ? l > r : left.id < right.id
        }
    }
}
