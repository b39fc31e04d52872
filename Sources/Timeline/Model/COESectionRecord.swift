/// A part of the Correction-of-Errors document that the engineer writes; Firebreak only prompts for it.
public enum COESection: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The customer-visible symptom, not the cause.
    case title
    /// The final 3-5 sentences.
    case summary
    /// Who was affected and how.
    case impact
    /// How to halve the time to detect; which alert should exist.
    case detection
    /// What slowed diagnosis.
    case diagnosis
    /// Why this mitigation; temporary or permanent.
    case mitigation
    /// The 5 whys chain, one why per line.
    case whys
    case wentWell = "went-well"
    case wentWrong = "went-wrong"
    case lucky
    /// Lessons learned, each linked to an action.
    case lessons

    /// How people read it: `went well`.
    public var title: String {
        switch self {
        case .title: "title"
        case .summary: "summary"
        case .impact: "impact"
        case .detection: "detection"
        case .diagnosis: "diagnosis"
        case .mitigation: "mitigation"
        case .whys: "5 whys"
        case .wentWell: "went well"
        case .wentWrong: "went wrong"
        case .lucky: "where we got lucky"
        case .lessons: "lessons learned"
        }
    }

    /// Accepts `went-well`, `went_well`, `wentWell` and `5whys` as well as `whys`.
    public init?(name: String) {
        let folded = name.lowercased().filter { $0.isLetter }
        guard let match = Self.allCases.first(where: { $0.rawValue.filter(\.isLetter) == folded }) else {
            return nil
        }
        self = match
    }
}

/// The text of one engineer-written COE section; the latest entry for a section is its value (each edit supersedes
/// the previous one, which stays in the journal).
public struct COESectionRecord: Sendable, Equatable, Codable {
    public var section: COESection
    public var text: String

    public init(section: COESection, text: String) {
        self.section = section
        self.text = text
    }
}
