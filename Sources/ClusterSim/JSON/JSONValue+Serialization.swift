import Foundation

/// Failure to read, write or convert JSON.
public enum JSONError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a complete, valid JSON document.
    case malformed(String)
    /// A Swift value could not be turned into JSON.
    case encodingFailed(type: String, message: String)
    /// A JSON value does not have the shape the Swift type expects.
    case decodingFailed(type: String, message: String)

    public var description: String {
        switch self {
        case .malformed(let message):
            "malformed JSON: \(message)"
        case .encodingFailed(let type, let message):
            "cannot encode \(type) as JSON: \(message)"
        case .decodingFailed(let type, let message):
            "cannot decode \(type) from JSON: \(message)"
        }
    }
}

extension JSONValue {
    /// Parses a complete JSON document (any top-level value).
    public init(parsing data: Data) throws(JSONError) {
        guard data.contains(where: { !Self.isJSONWhitespace($0) }) else {
            throw .malformed("empty input")
        }
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .malformed(Self.describe(error))
        }
    }

    /// Converts any `Encodable` value into a JSON tree.
    public init<T: Encodable>(encoding value: T) throws(JSONError) {
        let data: Data
        do {
            data = try JSONEncoder().encode(value)
        } catch {
            throw .encodingFailed(type: String(describing: T.self), message: Self.describe(error))
        }
        try self.init(parsing: data)
    }

    /// Decodes this JSON tree into a `Decodable` type.
    public func decode<T: Decodable>(as type: T.Type) throws(JSONError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: encoded())
        } catch {
            throw .decodingFailed(type: String(describing: T.self), message: Self.describe(error))
        }
    }

    /// Compact UTF-8 JSON with object keys sorted; non-finite numbers become `null`.
    public func encoded() -> Data {
        var output = ""
        write(to: &output)
        return Data(output.utf8)
    }

    /// The compact JSON text, as produced by ``encoded()``.
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .double(let value):
            output += value.isFinite ? "\(value)" : "null"
        case .string(let value):
            Self.writeString(value, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                members[key]?.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// One-line description of a Foundation coding error, including the underlying cause.
    private static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context?
        switch error as? DecodingError {
        case .dataCorrupted(let ctx), .keyNotFound(_, let ctx), .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            context = ctx
        default:
            context = nil
        }
        guard let context else {
            if case .invalidValue(_, let ctx) = error as? EncodingError {
                return ctx.debugDescription
            }
            return String(describing: error)
        }
        var parts = [context.debugDescription]
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        if !path.isEmpty {
            parts.append("at \(path.joined(separator: "."))")
        }
        if let underlying = context.underlyingError {
            parts.append("(\(underlying))")
        }
        return parts.joined(separator: " ")
    }
}
