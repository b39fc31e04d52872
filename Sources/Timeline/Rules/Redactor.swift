import Foundation

/// Removes secrets from what the journal is about to write: tokens, client keys, secret values, environment variable
/// values and kubeconfig credentials. Pure; reports where it removed something (never what).
public enum Redactor {
    /// What replaces a removed value.
    public static let mask = "[redacted]"

    /// Evidence keys whose values are secrets (matched case-insensitively, ignoring `-`, `_` and `.`).
    static let secretKeyWords = ByteSearch([
        "token", "password", "passwd", "secret", "apikey", "clientkey", "privatekey", "credential", "authorization",
        "cookie", "bearer", "clientcertificatedata", "certificatekey",
    ])

    /// Evidence keys that hold environment variables: every value under them is removed, names kept.
    static let environmentKeys: Set<String> = ["env", "environment", "envvars", "environmentvariables"]

    /// The draft with secrets removed, and the fields they were removed from.
    public static func redact(_ draft: EntryDraft) -> (EntryDraft, [String]) {
        var report: [String] = []
        var draft = draft
        draft.summary = redact(text: draft.summary, field: "summary", report: &report)
        draft.evidence = redact(evidence: draft.evidence, path: "evidence", report: &report)
        draft.body = redact(body: draft.body, report: &report)
        return (draft, report)
    }

    static func redact(body: EntryBody, report: inout [String]) -> EntryBody {
        switch body {
        case .actionItem(var item):
            item.text = redact(text: item.text, field: "item.text", report: &report)
            return .actionItem(item)
        case .changeSeen(var change):
            change.before = change.before.map { redact(text: $0, field: "change.before", report: &report) }
            change.after = change.after.map { redact(text: $0, field: "change.after", report: &report) }
            return .changeSeen(change)
        case .actionResult(var result):
            result.outcome = redact(text: result.outcome, field: "result.outcome", report: &report)
            return .actionResult(result)
        case .coeSection(var section):
            section.text = redact(text: section.text, field: "section.text", report: &report)
            return .coeSection(section)
        case .observation, .warningEvent, .actionIntent, .note, .milestone, .curation:
            return body
        }
    }

    static func redact(evidence: Evidence, path: String, report: inout [String]) -> Evidence {
        var result = Evidence(minimumCapacity: evidence.count)
        for (key, value) in evidence {
            let field = "\(path).\(key)"
            let folded = fold(key)
            if environmentKeys.contains(folded) || folded.hasPrefix("env") && key.contains(".") {
                result[key] = maskingLeaves(value, path: field, report: &report)
            } else if secretKeyWords.matches(folded) {
                result[key] = maskingLeaves(value, path: field, report: &report)
            } else {
                result[key] = redact(value: value, path: field, report: &report)
            }
        }
        return result
    }

    static func redact(value: EvidenceValue, path: String, report: inout [String]) -> EvidenceValue {
        switch value {
        case .string(let text): return .string(redact(text: text, field: path, report: &report))
        case .array(let items):
            return .array(items.enumerated().map { redact(value: $1, path: "\(path)[\($0)]", report: &report) })
        case .object(let fields): return .object(redact(evidence: fields, path: path, report: &report))
        case .number, .bool, .null: return value
        }
    }

    /// Every leaf value masked (keys of objects kept, so environment variable names stay readable).
    static func maskingLeaves(_ value: EvidenceValue, path: String, report: inout [String]) -> EvidenceValue {
        switch value {
        case .object(let fields):
            var masked = Evidence(minimumCapacity: fields.count)
            for (key, inner) in fields { masked[key] = maskingLeaves(inner, path: "\(path).\(key)", report: &report) }
            return .object(masked)
        case .array(let items):
            return .array(items.enumerated().map { maskingLeaves($1, path: "\(path)[\($0)]", report: &report) })
        case .null:
            return value
        case .string, .number, .bool:
            report.append(path)
            return .string(mask)
        }
    }

    /// Free text with embedded secrets removed: bearer tokens, JWTs, PEM private keys, `key=value` or `key: value`
    /// pairs whose key names a secret, and kubeconfig credential fields.
    public static func redact(text: String, field: String, report: inout [String]) -> String {
        guard TextPatterns.mayContainSecret(text) else { return text }
        var result = text
        var kinds: [String] = []
        for pattern in TextPatterns.all {
            let replaced = pattern.apply(to: result)
            if replaced != result {
                kinds.append(pattern.name)
                result = replaced
            }
        }
        if !kinds.isEmpty { report.append("\(field) (\(kinds.joined(separator: ", ")))") }
        return result
    }

    /// ASCII-lowercased without `-`, `_` and `.`.
    static func fold(_ key: String) -> String {
        String(
            decoding: key.utf8.lazy.filter { $0 != 0x2D && $0 != 0x5F && $0 != 0x2E }.map(ByteSearch.lower),
            as: UTF8.self)
    }
}
