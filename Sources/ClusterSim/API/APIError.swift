/// An error the simulated API server answers with: a `Status` object and its HTTP code, as kube-apiserver writes them.
struct APIError: Error, Sendable, Equatable {
    struct Cause: Sendable, Equatable, Codable {
        var reason: String?
        var message: String?
        var field: String?
    }
    struct Details: Sendable, Equatable, Codable {
        var name: String?
        var group: String?
        var kind: String?
        var causes: [Cause]?
        var retryAfterSeconds: Int?
    }

    let code: Int
    let reason: String
    let message: String
    var details: Details?

    var retryAfterSeconds: Int? { details?.retryAfterSeconds }

    static func notFound(_ resource: ResourceType, _ name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "\(qualified(resource)) \"\(name)\" not found",
            details: Details(name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.plural))
    }

    static func pathNotFound() -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "the server could not find the requested resource",
            details: Details())
    }

    static func alreadyExists(_ resource: ResourceType, _ name: String) -> APIError {
        APIError(
            code: 409, reason: "AlreadyExists", message: "\(qualified(resource)) \"\(name)\" already exists",
            details: Details(name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.plural))
    }

    static func conflict(_ resource: ResourceType, _ name: String) -> APIError {
        APIError(
            code: 409, reason: "Conflict",
            message:
                "Operation cannot be fulfilled on \(qualified(resource)) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
            details: Details(name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.plural))
    }

    static func invalid(kind: String, name: String, causes: [FieldError], group: String = "") -> APIError {
        let summary = causes.map { "\($0.field): \($0.message)" }
        let list = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        return APIError(
            code: 422, reason: "Invalid", message: "\(kind) \"\(name)\" is invalid: \(list)",
            details: Details(
                name: name, group: group.isEmpty ? nil : group, kind: kind,
                causes: causes.map { Cause(reason: $0.reason, message: $0.message, field: $0.field) }))
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    static func unauthorized() -> APIError { APIError(code: 401, reason: "Unauthorized", message: "Unauthorized") }

    static func forbidden(
        user: String, verb: String, resource: ResourceType, subresource: String?, namespace: String?, name: String?
    ) -> APIError {
        let what = subresource.map { "\(resource.plural)/\($0)" } ?? resource.plural
        let object = name.map { "\(qualified(resource)) \"\($0)\"" } ?? qualified(resource)
        let scope =
            namespace.map { " in the namespace \"\($0)\"" } ?? (resource.isNamespaced ? "" : " at the cluster scope")
        return APIError(
            code: 403, reason: "Forbidden",
            message:
                "\(object) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(what)\" in API group \"\(resource.group)\"\(scope)",
            details: Details(name: name, group: resource.group.isEmpty ? nil : resource.group, kind: resource.plural))
    }

    static func methodNotAllowed() -> APIError {
        APIError(
            code: 405, reason: "MethodNotAllowed",
            message: "the server does not allow this method on the requested resource", details: Details())
    }

    static func unsupportedMediaType(_ contentType: String) -> APIError {
        APIError(
            code: 415, reason: "UnsupportedMediaType",
            message:
                "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got \(contentType))"
        )
    }

    static func tooManyRequests(retryAfter: Int) -> APIError {
        APIError(
            code: 429, reason: "TooManyRequests", message: "Too many requests, please try again later.",
            details: Details(retryAfterSeconds: retryAfter))
    }

    static func disruptionBudget(_ budget: String, needs: Int32, has: Int32) -> APIError {
        APIError(
            code: 429, reason: "TooManyRequests",
            message: "Cannot evict pod as it would violate the pod's disruption budget.",
            details: Details(causes: [
                Cause(
                    reason: "DisruptionBudget",
                    message: "The disruption budget \(budget) needs \(needs) healthy pods and has \(has) currently")
            ]))
    }

    /// The budget changed and its controller has not caught up (`observedGeneration` behind `generation`): the real
    /// server refuses every eviction it covers until then, asking to retry in 10 s.
    static func disruptionBudgetPending(_ budget: String) -> APIError {
        APIError(
            code: 429, reason: "TooManyRequests",
            message: "Cannot evict pod as it would violate the pod's disruption budget.",
            details: Details(
                causes: [
                    Cause(
                        reason: "DisruptionBudget",
                        message: "The disruption budget \(budget) is still being processed by the server.")
                ], retryAfterSeconds: 10))
    }

    static func expired(_ message: String) -> APIError { APIError(code: 410, reason: "Expired", message: message) }

    static func internalError(_ message: String) -> APIError {
        APIError(
            code: 500, reason: "InternalError", message: "Internal error occurred: \(message)",
            details: Details(causes: [Cause(message: message)]))
    }

    static func serviceUnavailable(_ message: String) -> APIError {
        APIError(code: 503, reason: "ServiceUnavailable", message: message)
    }

    private static func qualified(_ resource: ResourceType) -> String {
        resource.group.isEmpty ? resource.plural : "\(resource.plural).\(resource.group)"
    }
}

/// The `Status` object in the shape kube-apiserver writes.
struct StatusBody: Encodable {
    struct Meta: Encodable {}
    var kind = "Status"
    var apiVersion = "v1"
    var metadata = Meta()
    var status: String
    var message: String?
    var reason: String?
    var details: APIError.Details?
    var code: Int

    init(_ error: APIError) {
        status = "Failure"
        message = error.message
        reason = error.reason
        details = error.details
        code = error.code
    }

    init(successCode: Int) {
        status = "Success"
        code = successCode
    }
}
