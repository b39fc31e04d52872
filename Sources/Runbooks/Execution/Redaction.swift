import ClusterModel

/// Removes secret values from request bodies before they are recorded: fields named like a credential,
/// environment variable values, and a Secret's data.
public enum Redaction {
    public static let placeholder = "[redacted]"
    static let sensitiveWords = [
        "token", "password", "passwd", "secret", "credential", "apikey", "api_key", "privatekey",
    ]

    public static func redacted(_ body: JSONValue) -> JSONValue {
        let isSecret = body["kind"]?.stringValue == "Secret"
        return redact(body, key: nil, inEnv: false, isSecret: isSecret)
    }

    private static func redact(_ value: JSONValue, key: String?, inEnv: Bool, isSecret: Bool) -> JSONValue {
        switch value {
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (name, member) in members {
                if isSecret, name == "data" || name == "stringData" {
                    out[name] = .object((member.objectValue ?? [:]).mapValues { _ in .string(placeholder) })
                } else if inEnv, name == "value" {
                    out[name] = .string(placeholder)
                } else if isSensitive(name), !(member.objectValue != nil || member.arrayValue != nil) {
                    out[name] = .string(placeholder)
                } else {
                    out[name] = redact(member, key: name, inEnv: false, isSecret: isSecret)
                }
            }
            return .object(out)
        case .array(let items):
            let env = key == "env"
            return .array(items.map { redact($0, key: nil, inEnv: env, isSecret: isSecret) })
        default:
            return value
        }
    }

    static func isSensitive(_ key: String) -> Bool {
        let lower = key.lowercased()
        return sensitiveWords.contains { lower.contains($0) }
    }
}
