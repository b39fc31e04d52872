import Foundation
import Timeline

/// What a COE is built from: the incident, its journal entries and samples, and how to export.
public struct COEInput: Sendable {
    public var incident: Incident
    public var entries: [JournalEntry]
    public var samples: [MetricSample]
    /// Show responders' names where the journal has them (default: roles only).
    public var showNames: Bool
    public var generatedAt: Date

    public init(
        incident: Incident, entries: [JournalEntry], samples: [MetricSample], showNames: Bool = false,
        generatedAt: Date
    ) {
        self.incident = incident
        self.entries = entries
        self.samples = samples
        self.showNames = showNames
        self.generatedAt = generatedAt
    }
}
