import Foundation

/// The secret shapes `Redactor` looks for in free text, with a cheap check that skips text holding none of them.
struct TextPatterns: Sendable {
    let name: String
    let expression: NSRegularExpression
    let template: String

    func apply(to text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }

    /// Fragments at least one of which every pattern needs.
    static let triggers = ByteSearch([
        "bearer", "eyj", "private key", "token", "passw", "secret", "api_key", "apikey", "api-key", "client-key",
        "client-certificate", "credential", "authorization",
    ])

    /// False when no pattern can match (most observation summaries), so redaction costs one scan.
    static func mayContainSecret(_ text: String) -> Bool { triggers.matches(text) }

    static let all: [TextPatterns] = [
        TextPatterns(
            name: "private key",
            pattern: #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"#,
            template: Redactor.mask),
        TextPatterns(
            name: "kubeconfig credential",
            pattern: #"(?i)\b(client-key-data|client-certificate-data|token|id-token|refresh-token)(\s*:\s*)\S+"#,
            template: "$1$2" + Redactor.mask),
        TextPatterns(
            name: "bearer token", pattern: #"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+"#, template: "$1" + Redactor.mask),
        TextPatterns(
            name: "JWT", pattern: #"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"#, template: Redactor.mask),
        TextPatterns(
            name: "secret assignment",
            pattern:
                #"(?i)\b([A-Za-z0-9_.-]*(token|passw(or)?d|secret|api[_-]?key|credential|authorization)[A-Za-z0-9_.-]*)(\s*[=:]\s*)(?!(?i:bearer)\s)(?!\[redacted\])("[^"]*"|'[^']*'|\S+)"#,
            template: "$1$4" + Redactor.mask),
    ].compactMap { $0 }

    init?(name: String, pattern: String, template: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.name = name
        self.expression = expression
        self.template = template
    }
}
