/// Query parameters for a list or watch.
public struct ListOptions: Sendable, Equatable {
    public var limit: Int?
    public var continueToken: String?
    public var labelSelector: String?
    public var fieldSelector: String?
    public var resourceVersion: String?
    /// Watch only: ask for BOOKMARK events.
    public var allowWatchBookmarks: Bool
    /// Watch only: the server closes the stream after this many seconds.
    public var timeoutSeconds: Int?

    public init(
        limit: Int? = nil, continueToken: String? = nil, labelSelector: String? = nil,
        fieldSelector: String? = nil, resourceVersion: String? = nil, allowWatchBookmarks: Bool = false,
        timeoutSeconds: Int? = nil
    ) {
        self.limit = limit
        self.continueToken = continueToken
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
    }

    /// The query items in a stable order, percent-encoded.
    func queryItems(watch: Bool) -> [(String, String)] {
        var items: [(String, String)] = []
        if watch { items.append(("watch", "true")) }
        if let limit, !watch { items.append(("limit", String(limit))) }
        if let continueToken, !watch { items.append(("continue", continueToken)) }
        if let labelSelector { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector { items.append(("fieldSelector", fieldSelector)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        if watch && allowWatchBookmarks { items.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds, watch { items.append(("timeoutSeconds", String(timeoutSeconds))) }
        return items
    }
}

/// The content type of a PATCH body.
public enum PatchType: String, Sendable {
    case strategicMerge = "application/strategic-merge-patch+json"
    case merge = "application/merge-patch+json"
    case json = "application/json-patch+json"
    case apply = "application/apply-patch+yaml"
}

/// Builds `path?query` strings.
enum RequestPath {
    static func make(_ path: String, _ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\($0.0)=\($0.1.pathEscaped)" }.joined(separator: "&")
    }
}
