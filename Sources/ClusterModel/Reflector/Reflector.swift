import Foundation

/// Keeps one resource of a `ClusterStore` in sync with the API server: runs the `ReflectorStateMachine`
/// and executes its actions with a `KubeClient`. Cancel the task running `run()` to stop it.
public struct Reflector<T: StoredObject>: Sendable {
    public let resource: ResourceKind
    public let namespace: String?
    public let pageSize: Int
    let source: any ReflectorSource
    let store: ClusterStore
    let clock: any ReflectorClock
    let backoff: BackoffPolicy
    let randomUnit: @Sendable () -> Double
    /// Called with each state-machine action before it is executed (for logs and tests).
    let onAction: @Sendable (ReflectorStateMachine.Action) -> Void
    /// Called with each failure, classified, before the machine decides what to do (for the connection's header).
    var onFailure: @Sendable (ReflectorFailure) -> Void = { _ in }

    public init(
        _ type: T.Type, resource: ResourceKind, client: KubeClient, store: ClusterStore,
        namespace: String? = nil, pageSize: Int = 500, backoff: BackoffPolicy = BackoffPolicy(),
        onAction: @escaping @Sendable (ReflectorStateMachine.Action) -> Void = { _ in }
    ) {
        self.init(
            type, resource: resource, source: client, store: store, namespace: namespace, pageSize: pageSize,
            clock: SystemReflectorClock(), backoff: backoff, randomUnit: { Double.random(in: 0..<1) },
            onAction: onAction)
    }

    init(
        _ type: T.Type, resource: ResourceKind, source: any ReflectorSource, store: ClusterStore, namespace: String?,
        pageSize: Int, clock: any ReflectorClock, backoff: BackoffPolicy, randomUnit: @escaping @Sendable () -> Double,
        onAction: @escaping @Sendable (ReflectorStateMachine.Action) -> Void
    ) {
        self.resource = resource
        self.namespace = namespace
        self.pageSize = pageSize
        self.source = source
        self.store = store
        self.clock = clock
        self.backoff = backoff
        self.randomUnit = randomUnit
        self.onAction = onAction
    }

    /// Lists, watches and recovers until cancelled.
    public func run() async {
        var machine = ReflectorStateMachine(backoff: backoff, randomUnit: randomUnit)
        var pending = machine.handle(.start, now: clock.now())
        let pages = ListAccumulator<T>()
        while !Task.isCancelled, !pending.isEmpty {
            let action = pending.removeFirst()
            onAction(action)
            switch action {
            case .requestListPage(let token, let rv):
                pending += await fetchPage(token: token, resourceVersion: rv, machine: &machine, pages: pages)
            case .discardListPages:
                pages.discard()
            case .replaceStore:
                do {
                    await store.replace(resource, objects: try await pages.take(), at: clock.now())
                } catch {
                    pages.discard()
                    let failure = reported(Self.failure(from: error))
                    pending = machine.handle(.listFailed(failure), now: clock.now())
                }
            case .startWatch(let rv):
                pending += await watch(from: rv, machine: &machine)
            case .apply:
                break
            case .scheduleRetry(let delay):
                do {
                    try await clock.sleep(for: delay)
                } catch {
                    return
                }
                pending += machine.handle(.timerFired, now: clock.now())
            case .markStale(let reason):
                await store.markStale(resource, reason: reason, at: clock.now())
            case .markFresh:
                await store.markFresh(resource, at: clock.now())
            case .markUnavailable(let reason):
                await store.markUnavailable(resource, reason: ConnectionProblem.plainForbidden(reason))
            }
        }
        pages.discard()
    }

    /// Fetches one page, starts decoding it concurrently, and reports the page header to the machine.
    private func fetchPage(
        token: String?, resourceVersion: String?, machine: inout ReflectorStateMachine,
        pages: ListAccumulator<T>
    ) async -> [ReflectorStateMachine.Action] {
        let options = ListOptions(limit: pageSize, continueToken: token, resourceVersion: resourceVersion)
        do {
            let data = try await source.listData(resource, namespace: namespace, options: options)
            guard let header = ListPageHeader.parse(data) else {
                let error = KubeDecodeError(
                    resource: resource.plural, field: "metadata", offset: nil, problem: "list has no metadata")
                return machine.handle(.listFailed(.other(error.description)), now: clock.now())
            }
            pages.add(data, resource: resource)
            return machine.handle(
                .listPageReceived(
                    continueToken: header.continueToken,
                    resourceVersion: header.resourceVersion), now: clock.now())
        } catch {
            return machine.handle(.listFailed(reported(Self.failure(from: error))), now: clock.now())
        }
    }

    /// Runs one watch to its end, applying events in batches, and returns the machine's next actions.
    private func watch(from resourceVersion: String, machine: inout ReflectorStateMachine) async
        -> [ReflectorStateMachine.Action]
    {
        let options = ListOptions(
            resourceVersion: resourceVersion, allowWatchBookmarks: true,
            timeoutSeconds: 300 + Int(randomUnit() * 300))
        let stream: AsyncThrowingStream<WatchEvent<T>, any Error>
        do {
            stream = try await source.watch(T.self, resource, namespace: namespace, options: options)
        } catch {
            return machine.handle(.watchFailed(reported(Self.failure(from: error))), now: clock.now())
        }
        for action in machine.handle(.watchStarted, now: clock.now()) { await execute(action) }
        do {
            for try await event in stream {
                if case .error(let apiError) = event {
                    return machine.handle(
                        .watchFailed(reported(Self.failure(from: KubeClientError.api(apiError, path: "")))),
                        now: clock.now())
                }
                let type: WatchEventType
                switch event {
                case .added: type = .added
                case .modified: type = .modified
                case .deleted: type = .deleted
                case .bookmark, .error: type = .bookmark
                }
                let actions = machine.handle(
                    .watchEventReceived(type, resourceVersion: event.resourceVersion ?? ""), now: clock.now())
                if actions.contains(.apply) { await store.apply(resource, event: event, at: clock.now()) }
            }
            if Task.isCancelled { return [] }
            return machine.handle(.watchEnded(normally: true), now: clock.now())
        } catch {
            if Task.isCancelled { return [] }
            if case KubeClientError.watchCut = error {
                return machine.handle(.watchEnded(normally: false), now: clock.now())
            }
            return machine.handle(.watchFailed(reported(Self.failure(from: error))), now: clock.now())
        }
    }

    private func execute(_ action: ReflectorStateMachine.Action) async {
        onAction(action)
        switch action {
        case .markFresh: await store.markFresh(resource, at: clock.now())
        case .markStale(let reason): await store.markStale(resource, reason: reason, at: clock.now())
        default: break
        }
    }

    /// Passes `failure` to `onFailure` and returns it.
    private func reported(_ failure: ReflectorFailure) -> ReflectorFailure {
        onFailure(failure)
        return failure
    }

    /// Classifies a client error for retry decisions.
    static func failure(from error: any Error) -> ReflectorFailure {
        guard let error = error as? KubeClientError else { return .other("\(error)") }
        switch error {
        case .api(let api, _):
            if api.isExpired { return .expired }
            if api.code == 429 { return .tooManyRequests(retryAfter: api.retryAfter) }
            if api.code >= 500 { return .serverError(code: api.code, message: api.message) }
            if api.code == 403 { return .forbidden(api.message) }
            if api.code == 401 {
                return .unauthorized("401 Unauthorized: the credentials were rejected (token expired?)")
            }
            return .other(api.description)
        case .transport(_, let problem): return .unreachable(problem)
        case .watchCut: return .unreachable(error.description)
        case .decode, .credentials, .tlsConfiguration: return .other(error.description)
        }
    }
}
