import ClusterModel
import Foundation

/// The part of an entry that depends on its kind.
public enum EntryBody: Sendable, Equatable {
    case observation(ObservationRecord)
    case warningEvent(WarningEventRecord)
    case changeSeen(ChangeRecord)
    case actionIntent(ActionIntentRecord)
    case actionResult(ActionResultRecord)
    case note
    case milestone(MilestoneRecord)
    case actionItem(ActionItem)
    case curation(CurationRecord)
    case coeSection(COESectionRecord)

    public var kind: EntryKind {
        switch self {
        case .observation: .observation
        case .warningEvent: .warningEvent
        case .changeSeen: .changeSeen
        case .actionIntent: .actionIntent
        case .actionResult: .actionResult
        case .note: .note
        case .milestone: .milestone
        case .actionItem: .actionItem
        case .curation: .curation
        case .coeSection: .coeSection
        }
    }

    /// The occurrence aggregation grows, for an observation or Warning event.
    public var occurrence: Occurrence? {
        switch self {
        case .observation(let record): record.occurrence
        case .warningEvent(let record): record.occurrence
        default: nil
        }
    }
}

/// How many times something was seen, and when first and last: what aggregation grows.
public struct Occurrence: Sendable, Equatable, Codable {
    /// Entries with the same key in one incident aggregate while the occurrences overlap.
    public var key: String
    public var count: Int
    public var firstSeen: Date
    public var lastSeen: Date
    public var isActive: Bool

    public init(key: String, count: Int, firstSeen: Date, lastSeen: Date, isActive: Bool = true) {
        self.key = key
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.isActive = isActive
    }

    /// Whether `later` continues this occurrence (it began before this one was last seen) rather than starting anew.
    public func isContinued(by later: Occurrence) -> Bool {
        later.key == key && later.firstSeen <= lastSeen
    }

    /// This occurrence grown by `later`: the larger count and last-seen, `later`'s activity.
    public func merged(with later: Occurrence) -> Occurrence {
        Occurrence(
            key: key, count: max(count, later.count), firstSeen: min(firstSeen, later.firstSeen),
            lastSeen: max(lastSeen, later.lastSeen), isActive: later.isActive)
    }
}

/// A ClusterModel observation as the journal keeps it.
public struct ObservationRecord: Sendable, Equatable, Codable {
    public var observationID: String
    public var kind: ObservationKind
    public var severity: Severity
    public var occurrence: Occurrence

    public init(observationID: String, kind: ObservationKind, severity: Severity, occurrence: Occurrence) {
        self.observationID = observationID
        self.kind = kind
        self.severity = severity
        self.occurrence = occurrence
    }
}

/// A Kubernetes Warning event as the journal keeps it.
public struct WarningEventRecord: Sendable, Equatable, Codable {
    public var reason: String
    public var occurrence: Occurrence

    public init(reason: String, occurrence: Occurrence) {
        self.reason = reason
        self.occurrence = occurrence
    }
}

/// A change to the cluster seen in the store, whoever made it.
public struct ChangeRecord: Sendable, Equatable, Codable {
    public enum Change: String, Sendable, Equatable, Codable, CaseIterable {
        case rollout
        case limitChange = "limit-change"
        case cordon, uncordon, scale
    }

    public var change: Change
    public var before: String?
    public var after: String?

    public init(change: Change, before: String? = nil, after: String? = nil) {
        self.change = change
        self.before = before
        self.after = after
    }
}

/// An action Firebreak is about to take (a runbook step).
public struct ActionIntentRecord: Sendable, Equatable, Codable {
    public var runbook: String
    public var step: String
    public var isDryRun: Bool

    public init(runbook: String, step: String, isDryRun: Bool = false) {
        self.runbook = runbook
        self.step = step
        self.isDryRun = isDryRun
    }
}

/// What became of an action intent.
public struct ActionResultRecord: Sendable, Equatable, Codable {
    public var intent: UUID
    /// `succeeded`, `failed`, `rolled back`, ...
    public var outcome: String

    public init(intent: UUID, outcome: String) {
        self.intent = intent
        self.outcome = outcome
    }
}

/// A milestone set (or moved) at a cluster time; the latest entry for a milestone is its value.
public struct MilestoneRecord: Sendable, Equatable, Codable {
    public var milestone: Milestone
    public var at: Date

    public init(milestone: Milestone, at: Date) {
        self.milestone = milestone
        self.at = at
    }
}

/// A follow-up for the COE: what to do, who owns it (a role), by when, how urgent.
public struct ActionItem: Sendable, Equatable, Codable {
    /// `mitigate`, `prevent`, `detect`, `process`, ...
    public var type: String
    public var text: String
    public var ownerRole: String?
    public var due: Date?
    /// `P0` … `P3`.
    public var priority: String?
    public var isDone: Bool

    public init(
        type: String = "prevent", text: String, ownerRole: String? = nil, due: Date? = nil, priority: String? = nil,
        isDone: Bool = false
    ) {
        self.type = type
        self.text = text
        self.ownerRole = ownerRole
        self.due = due
        self.priority = priority
        self.isDone = isDone
    }
}

/// Pins, unpins, hides or shows the entry a curation entry targets.
public struct CurationRecord: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Equatable, Codable, CaseIterable {
        case pin, unpin, hide, show
    }

    public var action: Action

    public init(action: Action) {
        self.action = action
    }
}
