import Foundation

/// Decodes list pages, single objects and watch lines into projections, with errors that name the resource.
public enum ResourceDecoding {
    static let kindKey = CodingUserInfoKey(rawValue: "firebreak.resourceKind")

    /// The `kind` of the resource being decoded (list items carry no `kind` of their own).
    static func kind(in decoder: any Decoder) -> String? {
        kindKey.flatMap { decoder.userInfo[$0] as? String }
    }

    static func decoder(for resource: ResourceKind) -> JSONDecoder {
        let decoder = JSONDecoder()
        if let key = kindKey { decoder.userInfo[key] = resource.kind }
        return decoder
    }

    /// Decodes one page of a list (`{"metadata":{...},"items":[...]}`).
    public static func decodeList<T: KubeObject>(
        _ type: T.Type, from data: Data,
        resource: ResourceKind
    ) throws(KubeDecodeError) -> ObjectList<T> {
        if let scannable = T.self as? any ScannableObject.Type,
            let list = scanListErased(scannable, from: data, resource: resource) as? ObjectList<T>
        {
            return list
        }
        return try decode(ObjectList<T>.self, from: data, resource: resource)
    }

    /// Decodes one object (a get, patch or create response).
    public static func decodeObject<T: KubeObject>(
        _ type: T.Type, from data: Data,
        resource: ResourceKind
    ) throws(KubeDecodeError) -> T {
        try decode(T.self, from: data, resource: resource)
    }

    /// Decodes one line of a watch stream.
    public static func decodeWatchEvent<T: KubeObject>(
        _ type: T.Type, from data: Data,
        resource: ResourceKind
    ) throws(KubeDecodeError) -> WatchEvent<T> {
        if let scannable = T.self as? any ScannableObject.Type,
            let event = scanWatchEventErased(scannable, from: data, resource: resource) as? WatchEvent<T>
        {
            return event
        }
        return try decode(WatchEvent<T>.self, from: data, resource: resource)
    }

    static func decode<V: Decodable>(_ type: V.Type, from data: Data, resource: ResourceKind) throws(KubeDecodeError)
        -> V
    {
        do {
            return try decoder(for: resource).decode(V.self, from: data)
        } catch let error as DecodingError {
            throw KubeDecodeError(
                resource: resource.plural, field: error.fieldPath, offset: error.byteOffset,
                problem: error.shortReason)
        } catch {
            throw KubeDecodeError(resource: resource.plural, field: "", offset: nil, problem: "\(error)")
        }
    }
}

/// A response body that is not the JSON we expected (garbage, truncated, wrong shape).
public struct KubeDecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var resource: String
    /// Dotted path of the offending field, empty when the JSON itself is malformed.
    public var field: String
    /// Byte offset of a syntax error, when the JSON parser reports one.
    public var offset: Int?
    public var problem: String

    public init(resource: String, field: String, offset: Int?, problem: String) {
        self.resource = resource
        self.field = field
        self.offset = offset
        self.problem = problem
    }

    public var description: String {
        let at = offset.map { " at byte \($0)" } ?? ""
        let fieldText = field.isEmpty ? "" : " field '\(field)'"
        return "Cannot decode \(resource) response\(at):\(fieldText) \(problem)".escapingControlCharacters
    }
}

extension DecodingError {
    /// The byte offset Foundation's JSON parser reports for syntax errors, if any.
    var byteOffset: Int? {
        guard case .dataCorrupted(let context) = self else { return nil }
        let texts = [context.debugDescription] + [context.underlyingError.map { "\($0)" } ?? ""]
        for text in texts {
            for marker in ["offset ", "character ", "index "] {
                guard let range = text.range(of: marker) else { continue }
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let value = Int(digits) { return value }
            }
        }
        return nil
    }
}
