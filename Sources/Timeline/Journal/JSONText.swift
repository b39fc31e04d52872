import ClusterModel
import Foundation

/// JSON text for the values the journal writes on every entry (evidence, redaction reports, observation and event
/// bodies), built by hand: Foundation's encoder dominated the cost of a 10,000-entry burst. `JSONDecoder` reads them
/// back (dates as seconds since 2001, as its default strategy expects).
enum JSONText {
    static func evidence(_ evidence: Evidence) -> String {
        var out = ""
        write(.object(evidence), to: &out)
        return out
    }

    static func strings(_ strings: [String]) -> String {
        var out = ""
        write(.array(strings.map(EvidenceValue.string)), to: &out)
        return out
    }

    static func body(_ record: ObservationRecord) -> String {
        var out = ""
        write(
            .object([
                "observationID": .string(record.observationID), "kind": .string(record.kind.rawValue),
                "severity": .string(record.severity.rawValue), "occurrence": occurrence(record.occurrence),
            ]), to: &out)
        return out
    }

    static func body(_ record: WarningEventRecord) -> String {
        var out = ""
        write(.object(["reason": .string(record.reason), "occurrence": occurrence(record.occurrence)]), to: &out)
        return out
    }

    static func occurrence(_ occurrence: Occurrence) -> EvidenceValue {
        .object([
            "key": .string(occurrence.key), "count": .number(Double(occurrence.count)),
            "firstSeen": .number(occurrence.firstSeen.timeIntervalSinceReferenceDate),
            "lastSeen": .number(occurrence.lastSeen.timeIntervalSinceReferenceDate),
            "isActive": .bool(occurrence.isActive),
        ])
    }

    /// Writes `value` with object keys sorted.
    static func write(_ value: EvidenceValue, to out: inout String) {
        switch value {
        case .string(let text): quote(text, to: &out)
        case .number(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                out += String(Int64(number))
            } else if number.isFinite {
                out += "\(number)"
            } else {
                out += "null"
            }
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                quote(key, to: &out)
                out += ":"
                write(fields[key] ?? .null, to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, to out: inout String) {
        out += "\""
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
