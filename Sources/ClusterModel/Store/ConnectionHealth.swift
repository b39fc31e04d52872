import Foundation

/// How fresh the store's view is.
public struct ConnectionHealth: Sendable, Equatable {
    /// When any list or watch last succeeded.
    public var lastContact: Date?
    /// When the view became stale (some resource's list/watch is failing); `nil` when live.
    public var staleSince: Date?
    /// The latest failure, one line.
    public var lastError: String?
    /// Resources whose first list has completed.
    public var syncedResources: Set<String> = []
    /// Resources these credentials may not read (plural → reason); they are left empty.
    public var unavailableResources: [String: String] = [:]

    public init(
        lastContact: Date? = nil, staleSince: Date? = nil, lastError: String? = nil,
        syncedResources: Set<String> = [], unavailableResources: [String: String] = [:]
    ) {
        self.lastContact = lastContact
        self.staleSince = staleSince
        self.lastError = lastError
        self.syncedResources = syncedResources
        self.unavailableResources = unavailableResources
    }

    public var isStale: Bool { staleSince != nil }
}
