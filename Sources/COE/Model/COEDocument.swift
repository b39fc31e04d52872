import Foundation
import Timeline

/// A Correction-of-Errors document: every section of the outline, filled in from the journal and the engineer's
/// written sections. A pure value; the renderers turn it into Markdown, JSON, HTML and SVG.
public struct COEDocument: Sendable, Equatable, Codable {
    public var header: Header
    public var summary: Summary
    public var impact: Impact
    public var timeline: TimelineSection
    public var charts: [Chart]
    public var detection: Detection
    public var diagnosis: Diagnosis
    public var mitigation: Mitigation
    public var whys: Whys
    public var reflections: Reflections
    public var lessons: Written
    public var actionItems: [ActionItemRow]
    public var related: [String]
    public var checklist: [ChecklistItem]
    public var appendix: Appendix

    /// The section headings, in order: every renderer writes each of them.
    public static let headings = [
        "0. Header", "1. Summary", "2. Customer impact", "3. Timeline", "4. Metrics and data", "5. Detection",
        "6. Diagnosis", "7. Mitigation and recovery", "8. 5 whys and contributing factors",
        "9. What went well, what went wrong, where we got lucky", "10. Lessons learned", "11. Action items",
        "12. Related items", "Checklist", "Appendix",
    ]
}

/// What the engineer wrote for a section, or the prompt that asks for it (a section is never silently empty).
public struct Written: Sendable, Equatable, Codable {
    public var text: String?
    public var prompt: String
    /// The `firebreak coe edit` section that fills it.
    public var section: COESection

    public init(text: String?, prompt: String, section: COESection) {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = trimmed?.isEmpty == false ? trimmed : nil
        self.prompt = prompt
        self.section = section
    }
}

extension COEDocument {
    public struct Header: Sendable, Equatable, Codable {
        public var incidentID: String
        public var title: Written
        /// The incident's name in the journal, used as the heading until a title is written.
        public var workingTitle: String
        public var context: String
        public var namespaces: [String]
        public var workloads: [String]
        /// `draft`, `in review` or `final`.
        public var status: String
        public var ownerRole: String
        public var timezone: String
        public var generatedAt: Date
    }

    public struct Summary: Sendable, Equatable, Codable {
        /// A draft from the milestones and the main signal.
        public var draft: [String]
        public var written: Written
    }

    /// One affected workload's numbers, each as "X of Y (Z%)" where it has a whole.
    public struct WorkloadImpact: Sendable, Equatable, Codable {
        public var workload: String
        public var lines: [String]
    }

    public struct Impact: Sendable, Equatable, Codable {
        public var windowStart: Date?
        public var windowEnd: Date?
        /// `14m 20s (impact started → mitigated)`.
        public var window: String
        public var workloads: [WorkloadImpact]
        public var written: Written
    }

    public struct TimelineRow: Sendable, Equatable, Codable {
        public var time: Date
        /// `T+2m 10s` from impact start (`T-30s` before it).
        public var offset: String?
        public var kind: String
        public var subject: String?
        public var text: String
        public var milestone: Milestone?
        public var isPinned: Bool
        /// Set when more than 15 minutes passed since the previous row: the gap to explain.
        public var gapBefore: TimeInterval?
        /// The journal's sequence number (the evidence this row stands on).
        public var sequence: Int64
    }

    public struct TimelineSection: Sendable, Equatable, Codable {
        public var rows: [TimelineRow]
        public var hiddenCount: Int
        public var gapPrompt: String?
    }

    public struct Detection: Sendable, Equatable, Codable {
        public var timeToDetect: String
        public var firstSignal: String
        public var earlierEvidence: [String]
        public var written: Written
    }

    public struct Diagnosis: Sendable, Equatable, Codable {
        public var timeToAcknowledge: String
        public var acknowledgeToAction: String
        public var runbooks: [String]
        public var written: Written
    }

    public struct ActionRow: Sendable, Equatable, Codable {
        public var time: Date
        public var runbook: String
        public var step: String
        public var parameters: String
        public var dryRunDiff: String
        public var confirmation: String
        public var result: String
        public var verification: String
    }

    public struct Mitigation: Sendable, Equatable, Codable {
        public var actions: [ActionRow]
        public var timeToMitigate: String
        public var timeToResolve: String
        public var written: Written
    }

    public struct Whys: Sendable, Equatable, Codable {
        /// Why #1 from the evidence, citing journal entries.
        public var seed: String
        public var candidateFactors: [String]
        public var written: Written
    }

    public struct Reflections: Sendable, Equatable, Codable {
        public var hints: [String]
        public var wentWell: Written
        public var wentWrong: Written
        public var lucky: Written
    }

    public struct ActionItemRow: Sendable, Equatable, Codable {
        /// `done`, `open` or `suggested`.
        public var status: String
        public var type: String
        public var text: String
        public var ownerRole: String?
        public var due: Date?
        public var priority: String?
        /// Where it came from: the journal entry, or the data a suggestion reads.
        public var source: String
    }

    public struct ChecklistItem: Sendable, Equatable, Codable {
        public var isOK: Bool
        public var text: String
    }

    public struct Appendix: Sendable, Equatable, Codable {
        /// The journal, one JSON object per entry, in sequence order.
        public var journalLines: [String]
        /// What was removed, where (never the values).
        public var redactions: [String]
    }
}
