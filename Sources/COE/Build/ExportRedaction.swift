import Foundation
import Timeline

/// What `--redact` removes at export, beyond the secrets the journal never stored: IP addresses, email addresses.
/// Applied to every string of the document; the appendix reports how many of each were removed and where.
public struct ExportRedaction: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        case ips, emails

        var mask: String {
            switch self {
            case .ips: "[ip]"
            case .emails: "[email]"
            }
        }

        var pattern: String {
            switch self {
            case .ips:
                #"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w.])"#
                    + #"|(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"#
                    + #"|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?)(?![\w:])"#
            case .emails: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#
            }
        }
    }

    public var kinds: Set<Kind>

    public init(kinds: Set<Kind> = []) {
        self.kinds = kinds
    }

    /// Parses `ips,emails`.
    public init(list: String) throws(COEError) {
        var kinds: Set<Kind> = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !name.isEmpty {
            guard let kind = Kind(rawValue: name) ?? Kind(rawValue: name + "s") else {
                throw .unknownRedaction(name)
            }
            kinds.insert(kind)
        }
        self.kinds = kinds
    }

    /// `text` with every match replaced; counts what was removed by kind.
    func redact(_ text: String, counts: inout [Kind: Int]) -> String {
        var result = text
        for kind in Kind.allCases where kinds.contains(kind) {
            guard let expression = try? NSRegularExpression(pattern: kind.pattern) else { continue }
            let range = NSRange(result.startIndex..., in: result)
            let found = expression.numberOfMatches(in: result, range: range)
            guard found > 0 else { continue }
            counts[kind, default: 0] += found
            result = expression.stringByReplacingMatches(
                in: result, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: kind.mask))
        }
        return result
    }

    /// The document with every string redacted (through its JSON form), and the report lines.
    func apply(to document: COEDocument) -> (COEDocument, [String]) {
        guard !kinds.isEmpty else { return (document, []) }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let data = try? encoder.encode(document), let tree = try? decoder.decode(EvidenceValue.self, from: data)
        else { return (document, ["export redaction failed: the document was not changed"]) }
        var counts: [Kind: Int] = [:]
        let redacted = walk(tree, counts: &counts)
        guard let back = try? encoder.encode(redacted),
            let result = try? decoder.decode(COEDocument.self, from: back)
        else { return (document, ["export redaction failed: the document was not changed"]) }
        let report = Kind.allCases.filter(kinds.contains).map { kind in
            "at export (--redact \(kind.rawValue)): \(counts[kind] ?? 0) \(kind == .ips ? "IP address" : "email address")"
                + "\((counts[kind] ?? 0) == 1 ? "" : "es") replaced by \(kind.mask)"
        }
        return (result, report)
    }

    private func walk(_ value: EvidenceValue, counts: inout [Kind: Int]) -> EvidenceValue {
        switch value {
        case .string(let text): return .string(redact(text, counts: &counts))
        case .array(let items): return .array(items.map { walk($0, counts: &counts) })
        case .object(let fields): return .object(fields.mapValues { walk($0, counts: &counts) })
        case .number, .bool, .null: return value
        }
    }
}
