import Foundation

/// The moments a COE measures from, in the order they must keep.
public enum Milestone: String, Sendable, Equatable, Hashable, Codable, CaseIterable, Comparable {
    case impactStarted = "impact-started"
    case detected
    case acknowledged
    case mitigated
    case resolved

    /// How people read it: `impact started`.
    public var title: String {
        switch self {
        case .impactStarted: "impact started"
        case .detected: "detected"
        case .acknowledged: "acknowledged"
        case .mitigated: "mitigated"
        case .resolved: "resolved"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Milestone, rhs: Milestone) -> Bool { lhs.rank < rhs.rank }

    /// Accepts `impact-started`, `impact_started`, `impactStarted`, `impact started` and `impact`.
    public init?(name: String) {
        let folded = name.lowercased().filter { $0.isLetter }
        guard
            let match = Self.allCases.first(where: { $0.rawValue.filter(\.isLetter) == folded })
                ?? (folded == "impact" ? .impactStarted : nil)
        else { return nil }
        self = match
    }
}
