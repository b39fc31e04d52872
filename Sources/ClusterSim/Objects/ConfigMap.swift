/// core/v1 ConfigMap.
struct ConfigMap: Codable, Sendable {
    var metadata: ObjectMeta
    var data: [String: String]?
    var binaryData: [String: String]?
    var immutable: Bool?
}

/// core/v1 Secret. Its values are base64 in `data`; `stringData` is write-only and folded into `data` on every write.
/// The description never shows values, so a secret interpolated into a log line or error stays secret.
struct Secret: Codable, Sendable, CustomStringConvertible {
    var metadata: ObjectMeta
    var data: [String: String]?
    var stringData: [String: String]?
    var type: String?
    var immutable: Bool?

    var description: String {
        "Secret \(metadata.namespace ?? "")/\(metadata.name ?? "") (\(type ?? "Opaque"), keys: "
            + (data ?? [:]).keys.sorted().joined(separator: ",") + ")"
    }
}

extension ConfigMap: SimObject {
    static let resource = ResourceType.configMaps

    func validationErrors() -> [FieldError] {
        Self.validateName(metadata) + ConfigKey.errors(in: Array((data ?? [:]).keys) + Array((binaryData ?? [:]).keys))
    }
}

extension Secret: SimObject {
    static let resource = ResourceType.secrets

    mutating func applyCreateDefaults() { foldStringData() }

    /// Moves `stringData` into `data` (base64), as the API server does on every write.
    mutating func foldStringData() {
        type = type ?? "Opaque"
        guard let plain = stringData else { return }
        var encoded = data ?? [:]
        for (key, value) in plain { encoded[key] = Base64.encode(Array(value.utf8)) }
        data = encoded
        stringData = nil
    }

    func validationErrors() -> [FieldError] {
        var errors = Self.validateName(metadata) + ConfigKey.errors(in: Array((data ?? [:]).keys))
        for (key, value) in (data ?? [:]).sorted(by: { $0.key < $1.key }) where Base64.decode(value) == nil {
            errors.append(.invalid("data[\(key)]", value: "<secret value>", detail: "must be base64-encoded"))
        }
        return errors
    }
}

/// The key rule for ConfigMaps and Secrets.
enum ConfigKey {
    static func errors(in keys: [String]) -> [FieldError] {
        keys.sorted().compactMap { key in
            let valid =
                !key.isEmpty && key.utf8.count <= 253 && key != "." && key != ".."
                && key.unicodeScalars.allSatisfy(isKeyCharacter)
            return valid
                ? nil
                : .invalid(
                    "data[\(key)]", value: key,
                    detail: "a valid config key must consist of alphanumeric characters, '-', '_' or '.'")
        }
    }

    private static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }
}

/// Standard base64, as Kubernetes encodes `[]byte` fields in JSON.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(
                    position <= chunk.count ? alphabet[Int((value >> (18 - 6 * position)) & 0x3f)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes, or nil when the text is not padded standard base64.
    static func decode(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            var value: UInt32 = 0
            var padding = 0
            for position in 0..<4 {
                let byte = bytes[index + position]
                if byte == UInt8(ascii: "="), position >= 2 {
                    padding += 1
                    continue
                }
                guard padding == 0, let digit = alphabet.firstIndex(of: byte) else { return nil }
                value |= UInt32(digit) << (18 - 6 * position)
            }
            guard padding == 0 || index + 4 == bytes.count else { return nil }
            for position in 0..<(3 - padding) { output.append(UInt8((value >> (16 - 8 * position)) & 0xff)) }
            index += 4
        }
        return output
    }
}
