import Crypto
import Foundation

/// The OpenAPI documents the simulator serves: v3 per group version (trimmed from the real kube-apiserver's, see
/// `Scripts/trim-openapi.py`), their index, and a Swagger 2.0 document built from the same schemas.
final class OpenAPIDocuments: Sendable {
    /// One group version's document: its index name (`api/v1`, `apis/apps/v1`), bytes, parsed form and hash.
    struct Document: Sendable {
        let name: String
        let bytes: [UInt8]
        let parsed: JSONValue
        let hash: String
    }

    let documents: [Document]
    /// Component schemas of every document by name, and the schema name of each served kind (`apps/v1/Deployment`).
    let schemas: [String: JSONValue]
    let schemaByKind: [String: String]
    /// The `/openapi/v3` index and the `/openapi/v2` document, built once.
    let indexBody: [UInt8]
    let swaggerBody: [UInt8]

    static let shared = OpenAPIDocuments()

    private static let files = [
        ("api/v1", "api-v1"), ("apis/apps/v1", "apis-apps-v1"), ("apis/batch/v1", "apis-batch-v1"),
        ("apis/policy/v1", "apis-policy-v1"), ("apis/scheduling.k8s.io/v1", "apis-scheduling.k8s.io-v1"),
    ]

    private init() {
        var documents: [Document] = []
        var schemas: [String: JSONValue] = [:]
        var byKind: [String: String] = [:]
        for (name, file) in Self.files {
            guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "openapi"),
                let data = try? Data(contentsOf: url), let parsed = try? JSONValue(parsing: data)
            else { continue }
            let hash = SHA512.hash(data: data).map { String(format: "%02X", $0) }.joined()
            documents.append(Document(name: name, bytes: Array(data), parsed: parsed, hash: hash))
            for (schemaName, schema) in parsed[path: ["components", "schemas"]]?.objectValue ?? [:] {
                schemas[schemaName] = schema
                for gvk in schema["x-kubernetes-group-version-kind"]?.arrayValue ?? [] {
                    let group = gvk["group"]?.stringValue ?? ""
                    let version = gvk["version"]?.stringValue ?? ""
                    byKind["\(group)/\(version)/\(gvk["kind"]?.stringValue ?? "")"] = schemaName
                }
            }
        }
        self.documents = documents
        self.schemas = schemas
        schemaByKind = byKind
        indexBody = Array(Self.index(documents).encoded())
        swaggerBody = Array(Self.swagger(documents, schemas).encoded())
    }

    /// The answer for `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<group version>`, or nil for other paths.
    func answer(_ request: APIRequest) -> APIResponse? {
        guard request.method == "GET", request.path.hasPrefix("/openapi/") else { return nil }
        if request.path == "/openapi/v3" { return .json(200, indexBody) }
        if request.path == "/openapi/v2" { return .json(200, swaggerBody) }
        let name = String(request.path.dropFirst("/openapi/v3/".count))
        guard request.path.hasPrefix("/openapi/v3/"), let document = documents.first(where: { $0.name == name }) else {
            return .json(404, ObjectRendering.status(.pathNotFound()))
        }
        return .full(
            status: 200,
            headers: [
                ("Content-Type", "application/json"), ("Cache-Control", "public, immutable"),
                ("Etag", "\"\(document.hash)\""),
            ],
            body: document.bytes)
    }

    /// `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"}}}`.
    private static func index(_ documents: [Document]) -> JSONValue {
        .object([
            "paths": .object(
                Dictionary(
                    uniqueKeysWithValues: documents.map {
                        ($0.name, .object(["serverRelativeURL": .string("/openapi/v3/\($0.name)?hash=\($0.hash)")]))
                    }))
        ])
    }

    /// Swagger 2.0: the same schemas as `definitions` and every document's paths, references rewritten to match.
    private static func swagger(_ documents: [Document], _ schemas: [String: JSONValue]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for document in documents {
            for (path, item) in document.parsed["paths"]?.objectValue ?? [:] { paths[path] = item }
        }
        return .object([
            "swagger": "2.0", "info": .object(["title": "Kubernetes", "version": "v1.36.2"]),
            "paths": rewritingReferences(.object(paths)), "definitions": rewritingReferences(.object(schemas)),
        ])
    }

    private static func rewritingReferences(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.mapValues { child in
                    if case .string(let text) = child, text.hasPrefix("#/components/schemas/") {
                        return .string("#/definitions/" + text.dropFirst("#/components/schemas/".count))
                    }
                    return rewritingReferences(child)
                })
        case .array(let items): return .array(items.map(rewritingReferences))
        default: return value
        }
    }
}
