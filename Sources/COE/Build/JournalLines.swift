import ClusterModel
import Foundation
import Timeline

/// The appendix's raw journal: one JSON object per entry, in sequence order, keys sorted (people's names left out
/// unless shown).
enum JournalLines {
    struct Line: Encodable {
        var id: String
        var sequence: Int64
        var kind: String
        var clusterTime: String
        var source: String
        var subject: ObservationSubject?
        var summary: String
        var evidence: Evidence
        var target: String?
        var occurrence: Occurrence?
        var redactions: [String]
    }

    static func lines(_ entries: [JournalEntry], showNames: Bool) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return entries.sorted { $0.sequence < $1.sequence }.compactMap { entry in
            let line = Line(
                id: entry.id.uuidString.lowercased(), sequence: entry.sequence, kind: entry.kind.rawValue,
                clusterTime: KubeTime.format(entry.stamp.cluster), source: entry.source, subject: entry.subject,
                summary: summary(entry), evidence: showNames ? entry.evidence : Responders.withoutNames(entry.evidence),
                target: entry.target?.uuidString.lowercased(), occurrence: entry.occurrence,
                redactions: entry.redactions)
            return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The summary, or a written section's text (so the raw journal keeps what the engineer wrote).
    static func summary(_ entry: JournalEntry) -> String {
        if case .coeSection(let record) = entry.body { return "\(entry.summary): \(record.text)" }
        return entry.summary
    }

    /// Where the journal removed secrets when it wrote each entry.
    static func writeRedactions(_ entries: [JournalEntry]) -> [String] {
        entries.filter { !$0.redactions.isEmpty }.sorted { $0.sequence < $1.sequence }.map { entry in
            "journal #\(entry.sequence) (\(entry.kind.rawValue)), at write: \(entry.redactions.joined(separator: ", "))"
        }
    }
}
