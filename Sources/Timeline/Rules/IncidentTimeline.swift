import ClusterModel
import Foundation

/// An incident's journal as it reads now: each entry at its latest edit, with its pins and hides applied, ordered by
/// cluster time then sequence; the milestones as last set. Pure: built from the entries alone.
public struct IncidentTimeline: Sendable, Equatable {
    /// One line of the timeline: the latest version of an entry and how it is curated.
    public struct Item: Sendable, Equatable, Identifiable {
        /// The original entry's id (edits and curation target it).
        public var id: UUID
        /// The latest version (the original when never edited).
        public var entry: JournalEntry
        /// Earlier versions, oldest first.
        public var history: [JournalEntry]
        public var isPinned: Bool
        public var isHidden: Bool
    }

    /// Every item, hidden ones included, in timeline order.
    public private(set) var items: [Item]
    /// The latest value of each milestone set.
    public private(set) var milestones: [Milestone: Date]

    public init(entries: [JournalEntry]) {
        let bySequence = entries.sorted { $0.sequence < $1.sequence }
        var roots: [UUID: UUID] = [:]
        var items: [UUID: Item] = [:]
        var milestones: [Milestone: Date] = [:]
        for entry in bySequence {
            switch entry.body {
            case .curation(let record):
                guard let target = entry.target, let root = roots[target] else { continue }
                switch record.action {
                case .pin: items[root]?.isPinned = true
                case .unpin: items[root]?.isPinned = false
                case .hide: items[root]?.isHidden = true
                case .show: items[root]?.isHidden = false
                }
            default:
                if case .milestone(let record) = entry.body { milestones[record.milestone] = record.at }
                if let target = entry.target, let root = roots[target], var item = items[root] {
                    roots[entry.id] = root
                    item.history.append(item.entry)
                    item.entry = entry
                    items[root] = item
                } else {
                    roots[entry.id] = entry.id
                    items[entry.id] = Item(id: entry.id, entry: entry, history: [], isPinned: false, isHidden: false)
                }
            }
        }
        self.items = items.values.sorted(by: Self.timelineOrder)
        self.milestones = milestones
    }

    /// The items to show: hidden ones only when asked for (a pinned item always shows).
    public func visible(includingHidden: Bool = false) -> [Item] {
        includingHidden ? items : items.filter { !$0.isHidden || $0.isPinned }
    }

    /// Cluster time first, then the journal's sequence.
    static func timelineOrder(_ lhs: Item, _ rhs: Item) -> Bool {
        (lhs.entry.stamp.cluster, lhs.entry.sequence) < (rhs.entry.stamp.cluster, rhs.entry.sequence)
    }
}
