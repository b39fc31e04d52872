import Foundation

/// Request bodies in Kubernetes' protobuf encoding (`Content-Type: application/vnd.kubernetes.protobuf`), as client-go
/// sends built-in objects: the `k8s\0` magic, then a `runtime.Unknown` whose `typeMeta` names the kind and whose `raw`
/// holds the object's message.
enum ProtobufEnvelope {
    static let contentType = "application/vnd.kubernetes.protobuf"
    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    /// The JSON form of a protobuf body sent to `resource`; 415 when the kind has no schema, 400 when the bytes are
    /// not a message of that kind.
    static func json(_ body: [UInt8], for resource: ResourceType, schema: ProtobufSchema = .kubernetes)
        throws(APIError) -> JSONValue
    {
        guard body.count >= magic.count, Array(body.prefix(magic.count)) == magic else {
            throw .badRequest(
                "error decoding \(resource.kind) from protobuf: the body does not start with the \"k8s\\x00\" envelope")
        }
        let decoder = ProtobufDecoder(schema: schema)
        let unknown: JSONValue
        do {
            unknown = try decoder.decode(
                body[magic.count...], as: "Unknown", path: "envelope")
        } catch {
            throw .badRequest("error decoding \(resource.kind) from protobuf: \(error)")
        }
        let apiVersion = unknown[path: ["typeMeta", "apiVersion"]]?.stringValue ?? resource.apiVersion
        let kind = unknown[path: ["typeMeta", "kind"]]?.stringValue ?? resource.kind
        guard schema.messages[kind] != nil, ResourceType.served.contains(where: { $0.kind == kind }) else {
            throw APIError(
                code: 415, reason: "UnsupportedMediaType",
                message:
                    "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (no protobuf decoding for kind \"\(kind)\" in version \"\(apiVersion)\")",
                details: .init(kind: kind))
        }
        let raw = Base64.decode(unknown["raw"]?.stringValue ?? "") ?? []
        do {
            return try decoder.decode(raw[...], as: kind).setting("apiVersion", .string(apiVersion))
                .setting("kind", .string(kind))
        } catch {
            throw .badRequest("error decoding \(kind) in version \"\(apiVersion)\" from protobuf: \(error)")
        }
    }
}

extension ProtobufSchema {
    /// The envelope around every protobuf body.
    static let envelope: [(String, [(Int, String, Kind)])] = [
        (
            "Unknown",
            [
                (1, "typeMeta", .message("RuntimeTypeMeta")), (2, "raw", .bytes), (3, "contentEncoding", .string),
                (4, "contentType", .string),
            ]
        ),
        ("RuntimeTypeMeta", [(1, "apiVersion", .string), (2, "kind", .string)]),
    ]
}

extension APIRequest {
    /// Whether the body is in Kubernetes' protobuf encoding.
    var hasProtobufBody: Bool { header("Content-Type")?.hasPrefix(ProtobufEnvelope.contentType) == true }

    /// The body as JSON, decoding protobuf for `resource` when that is what was sent.
    func bodyJSON(for resource: ResourceType) throws(APIError) -> JSONValue {
        if hasProtobufBody { return try ProtobufEnvelope.json(body, for: resource) }
        do { return try JSONValue(parsing: Data(body)) } catch {
            throw .badRequest("error decoding request body: \(error)")
        }
    }
}
