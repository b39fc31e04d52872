import Foundation

/// A rule's candidate observation before it is merged with history.
struct Finding {
    var id: String
    var kind: ObservationKind
    var severity: Severity
    var subject: ObservationSubject
    var evidence: [String: String]
    var summary: String
    var count: Int?
    var firstSeen: Date?
    var lastSeen: Date?
}
