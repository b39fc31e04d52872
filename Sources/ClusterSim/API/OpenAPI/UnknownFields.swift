/// Server-side field validation (`fieldValidation=Strict`): the fields of an object that its OpenAPI schema does not
/// declare, by their JSON path (`spec.replica`, `spec.template.spec.containers[0].imagePullPolcy`).
enum UnknownFields {
    /// The undeclared fields of `object` as a `resource` kind, in path order; empty when the kind has no schema.
    static func find(in object: JSONValue, as resource: ResourceType, documents: OpenAPIDocuments = .shared)
        -> [String]
    {
        guard let name = documents.schemaByKind["\(resource.group)/\(resource.version)/\(resource.kind)"],
            let schema = documents.schemas[name]
        else { return [] }
        var found: [String] = []
        walk(object, schema, path: "", documents: documents, found: &found)
        return found
    }

    /// The 400 a real server answers: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding
    /// error: unknown field "spec.replica"`.
    static func error(_ fields: [String], resource: ResourceType) -> APIError {
        .badRequest(
            "\(resource.kind) in version \"\(resource.version)\" cannot be handled as a \(resource.kind): strict decoding error: "
                + fields.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
    }

    private static func walk(
        _ value: JSONValue, _ schema: JSONValue, path: String, documents: OpenAPIDocuments, found: inout [String]
    ) {
        let schema = resolved(schema, documents)
        if schema["x-kubernetes-preserve-unknown-fields"] == .bool(true) { return }
        switch value {
        case .object(let members):
            if let properties = schema["properties"]?.objectValue {
                for (key, child) in members.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("$") {
                    let childPath = path.isEmpty ? key : path + "." + key
                    if let childSchema = properties[key] {
                        walk(child, childSchema, path: childPath, documents: documents, found: &found)
                    } else {
                        found.append(childPath)
                    }
                }
            } else if let additional = schema["additionalProperties"], additional.objectValue != nil {
                for (key, child) in members.sorted(by: { $0.key < $1.key }) {
                    walk(child, additional, path: path + "." + key, documents: documents, found: &found)
                }
            }
        case .array(let items):
            guard let itemSchema = schema["items"] else { return }
            for (index, item) in items.enumerated() {
                walk(item, itemSchema, path: path + "[\(index)]", documents: documents, found: &found)
            }
        default: return
        }
    }

    /// Follows `$ref` and single-entry `allOf`, as the Kubernetes documents wrap references.
    private static func resolved(_ schema: JSONValue, _ documents: OpenAPIDocuments) -> JSONValue {
        var current = schema
        for _ in 0..<8 {
            if let reference = current["$ref"]?.stringValue {
                current = documents.schemas[String(reference.split(separator: "/").last ?? "")] ?? .object([:])
            } else if let all = current["allOf"]?.arrayValue, let first = all.first {
                current = first
            } else {
                return current
            }
        }
        return current
    }
}
