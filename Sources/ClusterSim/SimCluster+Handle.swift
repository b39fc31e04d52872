/// Request dispatch: faults, authentication, authorisation, then discovery or a resource handler.
extension SimCluster {
    /// Latency to add before answering, from the fault settings.
    public var addedLatency: Duration { .milliseconds(world.faults.latencyMilliseconds) }

    /// Answers one API request with the simulated time in its `Date` header; watches see the changes it made.
    public func handle(_ request: APIRequest) -> APIResponse {
        defer { world.store.hub.flushAll() }
        return answer(request).adding(header: "Date", Timestamp(now).httpDate)
    }

    private func answer(_ request: APIRequest) -> APIResponse {
        if request.path.hasPrefix("/sim/") { return handleControl(request) }
        if world.faults.errorsRemaining > 0 {
            world.faults.errorsRemaining -= 1
            return error(.internalError("simulated server fault"))
        }
        if world.faults.throttleRemaining > 0 {
            world.faults.throttleRemaining -= 1
            let seconds = world.faults.retryAfterSeconds
            return error(.tooManyRequests(retryAfter: seconds))
        }
        let publicPaths: Set<String> = ["/version", "/healthz", "/livez", "/readyz"]
        guard let user = tokens.user(forAuthorization: request.header("Authorization")) else {
            if publicPaths.contains(request.path) { return Discovery.answer(request) ?? error(.pathNotFound()) }
            return error(.unauthorized())
        }
        if let discovery = Discovery.answer(request) { return discovery }
        if let document = OpenAPIDocuments.shared.answer(request) { return document }
        guard let path = ResourcePath(path: request.path) else { return error(.pathNotFound()) }
        let verb = Self.verb(request, path)
        guard user.may(verb, path.resource) else {
            return error(
                .forbidden(
                    user: user.name, verb: verb, resource: path.resource, subresource: path.subresource,
                    namespace: path.namespace, name: path.name))
        }
        do {
            return try route(request, path, user: user)
        } catch let failure {
            return error(failure)
        }
    }

    private func route(_ request: APIRequest, _ path: ResourcePath, user: SimUser) throws(APIError) -> APIResponse {
        switch path.resource {
        case .podMetrics, .nodeMetrics: return try metrics(request, path)
        case .selfSubjectAccessReviews: return try accessReview(request, user: user)
        case .selfSubjectReviews: return selfReview(user: user)
        default: break
        }
        switch (request.method, path.name, path.subresource) {
        case ("GET", nil, nil):
            return request.query["watch"] == "true" || request.query["watch"] == "1"
                ? try watch(request, path) : try list(request, path)
        case ("GET", .some, nil), ("GET", .some, "status"), ("GET", .some, "resize"): return try get(request, path)
        case ("GET", .some, "scale"): return try scale(path)
        case ("GET", .some, "log"): return try podLog(request, path)
        case (_, .some, "proxy") where path.resource == .nodes: return try nodeProxy(request, path)
        case ("POST", nil, nil): return try create(request, path)
        case ("POST", .some, "eviction"): return try evict(request, path)
        case ("PATCH", .some, let sub) where sub == nil || sub == "status" || sub == "scale" || sub == "resize":
            return try patch(request, path)
        case ("PUT", .some, let sub) where sub == nil || sub == "status" || sub == "scale" || sub == "resize":
            return try replace(request, path)
        case ("DELETE", .some, nil): return try delete(request, path)
        default: throw .methodNotAllowed()
        }
    }

    static func verb(_ request: APIRequest, _ path: ResourcePath) -> String {
        switch request.method {
        case "GET":
            path.name == nil
                ? (request.query["watch"] == "true" || request.query["watch"] == "1" ? "watch" : "list") : "get"
        case "POST": "create"
        case "PUT": "update"
        case "PATCH": "patch"
        case "DELETE": path.name == nil ? "deletecollection" : "delete"
        default: request.method.lowercased()
        }
    }

    func error(_ failure: APIError) -> APIResponse {
        var headers: [(name: String, value: String)] = []
        if let seconds = failure.retryAfterSeconds { headers.append(("Retry-After", String(seconds))) }
        return .json(failure.code, ObjectRendering.status(failure), extraHeaders: headers)
    }

    func object(_ status: Int, _ stored: StoredObject, _ resource: ResourceType, request: APIRequest) -> APIResponse {
        if request.wantsTable {
            return .json(
                status,
                TableRendering.table(
                    resource: resource, rows: [stored], now: world.timestamp, resourceVersion: stored.resourceVersion,
                    continueToken: nil),
                extraHeaders: [])
        }
        return .json(status, ObjectRendering.objectJSON(stored, as: resource))
    }
}
