import Foundation
import NIOHTTP1

/// The server's answer to a write: the 2xx status and the body (the patched object, a Status, a Scale).
public struct KubeWriteResponse: Sendable, Hashable {
    public var status: Int
    public var body: JSONValue?

    public init(status: Int, body: JSONValue?) {
        self.status = status
        self.body = body
    }
}

extension KubeClient {
    /// Sends a write; with `dryRun`, the server runs admission and validation and answers with what it would have
    /// stored, storing nothing. Errors are `KubeClientError.api` with the server's Status (`isConflict` for 409).
    public func perform(_ write: KubeWrite, dryRun: Bool = false) async throws(KubeClientError) -> KubeWriteResponse {
        let method: HTTPMethod =
            switch write.method {
            case .post: .POST
            case .put: .PUT
            case .patch: .PATCH
            case .delete: .DELETE
            }
        let (status, data) = try await exchange(
            method, write.path(dryRun: dryRun), body: write.body?.data, contentType: write.contentType)
        return KubeWriteResponse(status: status, body: data.isEmpty ? nil : try? JSONValue(parsing: data))
    }

    /// The object (or subresource, e.g. `scale`) as the server holds it now, whole.
    public func objectJSON(
        _ resource: ResourceKind, namespace: String?, name: String, subresource: String? = nil
    ) async throws(KubeClientError) -> JSONValue {
        let path = resource.objectPath(namespace: namespace, name: name, subresource: subresource)
        let data = try await send(.GET, path)
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw .decode(
                KubeDecodeError(resource: resource.plural, field: "", offset: nil, problem: error.description))
        }
    }

    /// Asks the server whether these credentials may do something (a SelfSubjectAccessReview).
    public func accessReview(_ attributes: AccessAttributes) async throws(KubeClientError) -> AccessDecision {
        let body: JSONValue = [
            "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
            "spec": ["resourceAttributes": attributes.json],
        ]
        let path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"
        let data = try await send(.POST, path, body: body.data, contentType: "application/json")
        guard let answer = try? JSONValue(parsing: data), let status = answer["status"] else {
            throw .decode(
                KubeDecodeError(
                    resource: "selfsubjectaccessreviews", field: "status", offset: nil, problem: "no status in answer"))
        }
        return AccessDecision(
            attributes: attributes, allowed: status["allowed"]?.boolValue ?? false,
            denied: status["denied"]?.boolValue ?? false, reason: status["reason"]?.stringValue ?? "",
            evaluationError: status["evaluationError"]?.stringValue ?? "")
    }
}
