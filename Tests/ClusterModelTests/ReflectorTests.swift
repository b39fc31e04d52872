import Foundation
import Testing

@testable import ClusterModel

/// A scripted API: list pages and watch outcomes are served in order.
final class ScriptedSource: ReflectorSource, @unchecked Sendable {
    enum WatchOutcome {
        case events([WatchEvent<PodSummary>], end: KubeClientError?)
        case fail(KubeClientError)
    }

    private let lock = NSLock()
    private var pages: [Result<Data, KubeClientError>]
    private var watches: [WatchOutcome]
    private var requests: [String] = []

    var requestLog: [String] { lock.withLock { requests } }

    init(pages: [Result<Data, KubeClientError>], watches: [WatchOutcome]) {
        self.pages = pages
        self.watches = watches
    }

    func listData(_ resource: ResourceKind, namespace: String?, options: ListOptions) async throws(KubeClientError)
        -> Data
    {
        let next: Result<Data, KubeClientError>? = lock.withLock {
            requests.append("list continue=\(options.continueToken ?? "-")")
            return pages.isEmpty ? nil : pages.removeFirst()
        }
        guard let next else { throw .transport(path: "/api/v1/pods", problem: "script exhausted") }
        return try next.get()
    }

    func watch<T: KubeObject>(
        _ type: T.Type, _ resource: ResourceKind, namespace: String?,
        options: ListOptions
    ) async throws(KubeClientError) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
        let next: WatchOutcome? = lock.withLock {
            requests.append("watch rv=\(options.resourceVersion ?? "-")")
            return watches.isEmpty ? nil : watches.removeFirst()
        }
        switch next {
        case .none:
            return AsyncThrowingStream { _ in }
        case .fail(let error):
            throw error
        case .events(let events, let end):
            return AsyncThrowingStream { continuation in
                for event in events { if let typed = event as? WatchEvent<T> { continuation.yield(typed) } }
                continuation.finish(throwing: end)
            }
        }
    }
}

/// A clock that never really sleeps but advances its own time.
final class InstantClock: ReflectorClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current = referenceNow
    private var recorded: [Duration] = []

    var sleeps: [Duration] { lock.withLock { recorded } }

    func now() -> Date { lock.withLock { current } }

    func sleep(for duration: Duration) async throws {
        lock.withLock {
            recorded.append(duration)
            current = current.addingTimeInterval(duration.inSeconds)
        }
        await Task.yield()
    }
}

@Suite("Reflector driver")
struct ReflectorTests {
    static func page(_ names: [String], rv: String, continueToken: String? = nil) -> Data {
        let items = names.map { #"{"metadata":{"name":"\#($0)","namespace":"demo","resourceVersion":"\#(rv)"}}"# }
        let cont = continueToken.map { #","continue":"\#($0)""# } ?? ""
        return Data(
            #"{"kind":"PodList","metadata":{"resourceVersion":"\#(rv)"\#(cont)},"items":[\#(items.joined(separator: ","))]}"#
                .utf8)
    }

    static func pod(_ name: String, _ rv: String) -> PodSummary {
        PodSummary(namespace: "demo", name: name, resourceVersion: rv)
    }

    @Test func outageThenRecoveryEndsEqualToAFreshList() async throws {
        let refused = KubeClientError.transport(path: "/api/v1/pods", problem: "connection refused")
        let gone = KubeAPIError(reason: "Expired", code: 410, message: "too old resource version: 12 (40)")
        let source = ScriptedSource(
            pages: [
                .success(Self.page(["a", "b"], rv: "10", continueToken: "c1")), .success(Self.page(["c"], rv: "10")),
                .failure(refused), .success(Self.page(["a", "d"], rv: "50")),
            ],
            watches: [
                .events(
                    [.modified(Self.pod("a", "11")), .added(Self.pod("x", "12"))],
                    end: .watchCut(path: "/api/v1/pods", pendingBytes: 10)),
                .fail(refused), .fail(refused),
                .events([.error(gone)], end: nil),
            ])
        let store = ClusterStore()
        let clock = InstantClock()
        let actions = ActionLog()
        let reflector = Reflector(
            PodSummary.self, resource: .pods, source: source, store: store, namespace: nil, pageSize: 2,
            clock: clock, backoff: BackoffPolicy(), randomUnit: { 0.5 }, onAction: { actions.append($0) })
        let task = Task { await reflector.run() }
        for _ in 0..<200 where source.requestLog.count < 9 { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
        #expect(
            source.requestLog == [
                "list continue=-", "list continue=c1", "watch rv=10", "watch rv=12", "watch rv=12",
                "watch rv=12", "list continue=-", "list continue=-", "watch rv=50",
            ])
        #expect(clock.sleeps == [.milliseconds(400), .milliseconds(800), .milliseconds(1600)])
        let snapshot = await store.snapshot()
        #expect(snapshot.pods.keys.map(\.name).sorted() == ["a", "d"])
        #expect(snapshot.health.isStale == false)
        #expect(actions.contains(.markStale(reason: "connection refused")))
        #expect(actions.contains(.markFresh))
    }

    @Test func garbagePageIsRetriedInsteadOfStoppingTheReflector() async throws {
        let source = ScriptedSource(
            pages: [
                .success(Data(#"{"metadata":{"resourceVersion":"5"},"items":[{"oops"#.utf8)),
                .success(Self.page(["a"], rv: "6")),
            ],
            watches: [])
        let store = ClusterStore()
        let reflector = Reflector(
            PodSummary.self, resource: .pods, source: source, store: store, namespace: nil, pageSize: 500,
            clock: InstantClock(), backoff: BackoffPolicy(), randomUnit: { 0.5 }, onAction: { _ in })
        let task = Task { await reflector.run() }
        for _ in 0..<200 where source.requestLog.count < 3 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        await task.value
        #expect(source.requestLog == ["list continue=-", "list continue=-", "watch rv=6"])
        #expect(await store.snapshot().pods.keys.map(\.name) == ["a"])
    }

    @Test func clientErrorsAreClassifiedForRetry() {
        let cases: [(KubeClientError, ReflectorFailure)] = [
            (.api(KubeAPIError(reason: "Expired", code: 410, message: ""), path: "/"), .expired),
            (
                .api(
                    KubeAPIError(reason: "TooManyRequests", code: 429, message: "", retryAfter: .seconds(2)), path: "/"),
                .tooManyRequests(retryAfter: .seconds(2))
            ),
            (
                .api(KubeAPIError(reason: "InternalError", code: 500, message: "boom"), path: "/"),
                .serverError(code: 500, message: "boom")
            ),
            (.transport(path: "/", problem: "connection refused"), .unreachable("connection refused")),
            (.api(KubeAPIError(reason: "Forbidden", code: 403, message: "no"), path: "/"), .forbidden("no")),
            (
                .api(KubeAPIError(reason: "Unauthorized", code: 401, message: "Unauthorized"), path: "/"),
                .unauthorized("401 Unauthorized: the credentials were rejected (token expired?)")
            ),
            (.api(KubeAPIError(reason: "BadRequest", code: 400, message: "bad"), path: "/"), .other("BadRequest: bad")),
        ]
        for (error, failure) in cases {
            #expect(Reflector<PodSummary>.failure(from: error) == failure)
        }
    }
}

final class ActionLog: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [ReflectorStateMachine.Action] = []

    func append(_ action: ReflectorStateMachine.Action) { lock.withLock { actions.append(action) } }
    func contains(_ action: ReflectorStateMachine.Action) -> Bool { lock.withLock { actions.contains(action) } }
}
