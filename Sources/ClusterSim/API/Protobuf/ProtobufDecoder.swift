import Foundation

/// Turns a protobuf message into the JSON form of the same object, guided by a `ProtobufSchema`.
struct ProtobufDecoder {
    let schema: ProtobufSchema
    /// Go's zero `time.Time` (0001-01-01T00:00:00Z) in Unix seconds: an unset timestamp.
    static let goZeroTime: Int64 = -62_135_596_800

    enum Failure: Error, CustomStringConvertible {
        case wire(ProtobufReader.Failure, at: String)
        case unexpected(String, at: String)

        var description: String {
            switch self {
            case .wire(let failure, let path): "\(path): \(failure)"
            case .unexpected(let what, let path): "\(path): \(what)"
            }
        }
    }

    /// The JSON object for `bytes` read as the message `name`.
    func decode(_ bytes: ArraySlice<UInt8>, as name: String, path: String = "") throws(Failure) -> JSONValue {
        var members: [String: JSONValue] = [:]
        try decode(bytes, as: name, into: &members, path: path)
        return .object(members)
    }

    private func decode(
        _ bytes: ArraySlice<UInt8>, as name: String, into members: inout [String: JSONValue], path: String
    ) throws(Failure) {
        guard let fields = schema.messages[name] else { throw .unexpected("no schema for message \(name)", at: path) }
        var reader = ProtobufReader(bytes)
        while let (number, value) = try wire(path, { () throws(ProtobufReader.Failure) in try reader.next() }) {
            guard let field = fields[number] else { continue }
            let fieldPath = path.isEmpty ? field.name : path + "." + field.name
            switch field.kind {
            case .inline(let message):
                guard case .bytes(let inner) = value else { throw .unexpected("expected a message", at: fieldPath) }
                try decode(inner, as: message, into: &members, path: path)
            case .list(let element):
                var items = members[field.name]?.arrayValue ?? []
                items.append(try scalar(value, element, path: fieldPath))
                members[field.name] = .array(items)
            case .map(let element):
                guard case .bytes(let entry) = value else { throw .unexpected("expected a map entry", at: fieldPath) }
                var key = ""
                var item: JSONValue = element.emptyValue
                var entryReader = ProtobufReader(entry)
                while let (entryNumber, entryValue) = try wire(
                    fieldPath, { () throws(ProtobufReader.Failure) in try entryReader.next() })
                {
                    if entryNumber == 1, case .bytes(let text) = entryValue {
                        key = String(decoding: text, as: UTF8.self)
                    } else if entryNumber == 2 {
                        item = try scalar(entryValue, element, path: fieldPath + "[\(key)]")
                    }
                }
                var map = members[field.name]?.objectValue ?? [:]
                map[key] = item
                members[field.name] = .object(map)
            default:
                // Go writes every non-pointer field, JSON leaves empty ones out: an empty string or a zero time is absent.
                let decoded = try scalar(value, field.kind, path: fieldPath)
                if decoded != .string(""), decoded != .null { members[field.name] = decoded }
            }
        }
    }

    private func scalar(_ value: ProtobufReader.Value, _ kind: ProtobufSchema.Kind, path: String) throws(Failure)
        -> JSONValue
    {
        switch (kind, value) {
        case (.bool, .varint(let number)): return .bool(number != 0)
        case (.int, .varint(let number)): return .int(Int64(bitPattern: number))
        case (.string, .bytes(let text)): return .string(String(decoding: text, as: UTF8.self))
        case (.bytes, .bytes(let data)): return .string(Base64.encode(Array(data)))
        case (.quantity, .bytes(let message)):
            return try decode(message, as: "Quantity", path: path)["string"] ?? .string("0")
        case (.time, .bytes(let message)), (.microTime, .bytes(let message)):
            let time = try decode(message, as: "Time", path: path)
            if time["seconds"]?.intValue == Self.goZeroTime { return .null }
            let stamp = Timestamp(seconds: time["seconds"]?.intValue ?? 0).rfc3339
            guard case .microTime = kind else { return .string(stamp) }
            let micros = (time["nanos"]?.intValue ?? 0) / 1000
            let digits = String(micros)
            return .string(stamp.dropLast() + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z")
        case (.intOrString, .bytes(let message)):
            let parsed = try decode(message, as: "IntOrString", path: path)
            return parsed["type"]?.intValue == 1 ? parsed["strVal"] ?? "" : parsed["intVal"] ?? 0
        case (.rawJSON, .bytes(let message)):
            guard case .bytes(let raw)? = try? firstField(message), !raw.isEmpty else { return .null }
            do { return try JSONValue(parsing: Data(raw)) } catch {
                throw .unexpected("raw extension is not JSON", at: path)
            }
        case (.message(let name), .bytes(let message)): return try decode(message, as: name, path: path)
        default: throw .unexpected("wire value does not fit a \(kind)", at: path)
        }
    }

    private func firstField(_ bytes: ArraySlice<UInt8>) throws -> ProtobufReader.Value? {
        var reader = ProtobufReader(bytes)
        while let (number, value) = try reader.next() {
            if number == 1 { return value }
        }
        return nil
    }

    private func wire<T>(_ path: String, _ read: () throws(ProtobufReader.Failure) -> T) throws(Failure) -> T {
        do { return try read() } catch { throw .wire(error, at: path.isEmpty ? "message" : path) }
    }
}

extension ProtobufSchema.Kind {
    /// A map value present with no bytes (an empty string, a zero).
    var emptyValue: JSONValue {
        switch self {
        case .string, .bytes: .string("")
        case .bool: .bool(false)
        case .int: .int(0)
        case .quantity: .string("0")
        default: .object([:])
        }
    }
}
