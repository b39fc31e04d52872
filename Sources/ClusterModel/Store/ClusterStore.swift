import Foundation

/// The last known state of the cluster: projections per resource, the indexes over them (maintained on every
/// relist and watch event), a generation counter and connection health. A failing API server never empties it;
/// a relist replaces a resource's objects wholesale.
public actor ClusterStore {
    private var state = ClusterSnapshot()
    private var staleResources: [ResourceKind: Date] = [:]
    private var watchers: [UUID: AsyncStream<UInt64>.Continuation] = [:]

    public init() {}

    /// A copy of everything held now.
    public func snapshot() -> ClusterSnapshot { state }

    public var generation: UInt64 { state.generation }

    /// Replaces all objects of `resource` with a complete list (objects absent from it are dropped).
    public func replace<T: StoredObject>(_ resource: ResourceKind, items: [T], at now: Date = Date()) {
        var objects: [ObjectKey: T] = [:]
        objects.reserveCapacity(items.count)
        for item in items { objects[item.key] = item }
        replace(resource, objects: objects, at: now)
    }

    /// Replaces all objects of `resource` with a complete list, already keyed.
    public func replace<T: StoredObject>(_ resource: ResourceKind, objects: [ObjectKey: T], at now: Date = Date()) {
        guard T.storage(for: resource) != nil else { return }
        state.replace(resource, with: objects)
        state.health.syncedResources.insert(resource.plural)
        state.health.unavailableResources[resource.plural] = nil
        state.health.lastContact = now
        bump(resource)
    }

    /// Applies one watch event (ADDED/MODIFIED upsert, DELETED removes; bookmarks and errors change nothing).
    public func apply<T: StoredObject>(_ resource: ResourceKind, event: WatchEvent<T>, at now: Date = Date()) {
        guard T.storage(for: resource) != nil else { return }
        switch event {
        case .added(let object), .modified(let object):
            state.upsert(object, as: resource)
        case .deleted(let object):
            state.remove(object, as: resource)
        case .bookmark, .error:
            return
        }
        state.health.lastContact = now
        bump(resource)
    }

    /// Applies a batch of events with one generation bump.
    public func apply<T: StoredObject>(_ resource: ResourceKind, events: [WatchEvent<T>], at now: Date = Date()) {
        guard T.storage(for: resource) != nil, !events.isEmpty else { return }
        for event in events {
            switch event {
            case .added(let object), .modified(let object): state.upsert(object, as: resource)
            case .deleted(let object): state.remove(object, as: resource)
            case .bookmark, .error: continue
            }
        }
        state.health.lastContact = now
        bump(resource)
    }

    /// Records that `resource` cannot be listed or watched; the view is stale from the first such resource.
    public func markStale(_ resource: ResourceKind, reason: String, at now: Date = Date()) {
        if staleResources[resource] == nil { staleResources[resource] = now }
        state.health.lastError = "\(resource.plural): \(reason)"
        let since = staleResources.values.min()
        guard state.health.staleSince != since else { return }
        state.health.staleSince = since
        bump()
    }

    /// Records that `resource` may not be read (403): it stays empty without making the view stale.
    public func markUnavailable(_ resource: ResourceKind, reason: String) {
        guard state.health.unavailableResources[resource.plural] != reason else { return }
        state.health.unavailableResources[resource.plural] = reason
        bump()
    }

    /// Records a successful list or watch start for `resource`.
    public func markFresh(_ resource: ResourceKind, at now: Date = Date()) {
        state.health.lastContact = now
        guard staleResources.removeValue(forKey: resource) != nil else { return }
        state.health.staleSince = staleResources.values.min()
        if state.health.staleSince == nil { state.health.lastError = nil }
        bump()
    }

    /// Returns once every resource in `resources` has completed a list (immediately if it already has).
    public func waitUntilSynced(_ resources: [ResourceKind]) async {
        let wanted = Set(resources.map(\.plural))
        if wanted.isSubset(of: state.health.syncedResources) { return }
        for await _ in changes() where wanted.isSubset(of: state.health.syncedResources) { return }
    }

    /// Generation numbers after changes. Buffers only the newest, so a slow consumer sees coalesced bumps.
    public func changes() -> AsyncStream<UInt64> {
        let (stream, continuation) = AsyncStream<UInt64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        watchers[id] = continuation
        continuation.yield(state.generation)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeWatcher(id) }
        }
        return stream
    }

    private func removeWatcher(_ id: UUID) {
        watchers[id] = nil
    }

    /// A change to the objects of `resource`.
    private func bump(_ resource: ResourceKind) {
        state.resourceGenerations[resource.plural, default: 0] &+= 1
        bump()
    }

    private func bump() {
        state.generation &+= 1
        for watcher in watchers.values { watcher.yield(state.generation) }
    }
}
