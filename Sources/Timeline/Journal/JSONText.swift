import ClusterModel
import Foundation

/// JSON text for the values the journal writes on every entry (evidence, redaction reports, observation and event
/// bodies), serialized by `JSONValue` rather than Foundation's encoder, which dominated the cost of a 10,000-entry
/// burst. `JSONDecoder` reads them back (dates as seconds since 2001, as its default strategy expects).
enum JSONText {
    static func evidence(_ evidence: Evidence) -> String { JSONValue.object(evidence).serialized() }

    static func strings(_ strings: [String]) -> String { JSONValue.array(strings.map(JSONValue.string)).serialized() }

    static func body(_ record: ObservationRecord) -> String {
        JSONValue.object([
            "observationID": .string(record.observationID), "kind": .string(record.kind.rawValue),
            "severity": .string(record.severity.rawValue), "occurrence": occurrence(record.occurrence),
        ]).serialized()
    }

    static func body(_ record: WarningEventRecord) -> String {
        JSONValue.object(["reason": .string(record.reason), "occurrence": occurrence(record.occurrence)]).serialized()
    }

    static func occurrence(_ occurrence: Occurrence) -> JSONValue {
        .object([
            "key": .string(occurrence.key), "count": .int(Int64(occurrence.count)),
            "firstSeen": .double(occurrence.firstSeen.timeIntervalSinceReferenceDate),
            "lastSeen": .double(occurrence.lastSeen.timeIntervalSinceReferenceDate),
            "isActive": .bool(occurrence.isActive),
        ])
    }
}
