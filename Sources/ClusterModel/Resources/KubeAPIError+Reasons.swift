extension KubeAPIError {
    /// 409: the object changed since it was read (a stale `resourceVersion`), or it already exists.
    public var isConflict: Bool { code == 409 }
    /// 403: these credentials may not do this.
    public var isForbidden: Bool { code == 403 }
    /// 404: no such object, or (for a subresource such as `resize`) the server does not serve it.
    public var isNotFound: Bool { code == 404 }
    /// 422: the server validated the request and refused it.
    public var isInvalid: Bool { code == 422 }

    /// The PodDisruptionBudget message of a refused eviction (a 429 whose cause is `DisruptionBudget`).
    public var disruptionBudgetMessage: String? {
        guard code == 429 else { return nil }
        return causes.first { $0.reason == "DisruptionBudget" }?.message
    }
}
