import Foundation

/// The list → watch → back off → relist cycle of one resource, as pure transitions that return actions.
///
/// Feed it inputs (`handle(_:now:)`), execute the returned actions, feed the results back. It holds no objects:
/// list pages and events are carried by the driver; the machine only decides what happens next.
public struct ReflectorStateMachine: Sendable {
    /// Where the reflector is in its cycle.
    public enum State: Sendable, Equatable {
        case idle
        /// A list page is in flight; `continueToken` is nil for the first page.
        case listing(continueToken: String?)
        case watching(resourceVersion: String)
        case backingOff(until: Date, attempt: Int, then: Resumption)
    }

    /// What to do once a backoff delay has passed.
    public enum Resumption: Sendable, Equatable {
        case relist
        case rewatch(resourceVersion: String)
    }

    /// What happened: results of the previous actions and timer expiries.
    public enum Input: Sendable, Equatable {
        case start
        case listPageReceived(continueToken: String?, resourceVersion: String)
        /// A list request failed, or (while watching) the completed list could not be decoded.
        case listFailed(ReflectorFailure)
        /// The watch request was answered with 200.
        case watchStarted
        case watchEventReceived(WatchEventType, resourceVersion: String)
        /// The watch body ended: `normally` at EOF/timeout, or cut mid-event.
        case watchEnded(normally: Bool)
        case watchFailed(ReflectorFailure)
        case timerFired
    }

    /// What the driver must do next, in order.
    public enum Action: Sendable, Equatable {
        case requestListPage(continueToken: String?, resourceVersion: String?)
        /// Replace the store's objects with the pages gathered since the last `requestListPage(continueToken: nil, …)`.
        case replaceStore(resourceVersion: String)
        /// Drop pages gathered so far: the list restarts.
        case discardListPages
        case startWatch(resourceVersion: String)
        /// Apply the event just received to the store.
        case apply
        case scheduleRetry(after: Duration)
        case markStale(reason: String)
        case markFresh
        /// The resource cannot be read with these credentials (403); retried rarely, the view is not stale.
        case markUnavailable(reason: String)
    }

    public private(set) var state: State = .idle
    public private(set) var isStale = false
    /// Consecutive failures, reset after `backoff.resetAfter` of health.
    public private(set) var failureCount = 0
    public var backoff: BackoffPolicy
    private var healthySince: Date?
    private var watchStartedAt: Date?
    private var eventsInWatch = 0
    /// Returns a value in [0, 1) for full jitter; injected so tests are deterministic.
    private let randomUnit: @Sendable () -> Double

    public init(
        backoff: BackoffPolicy = BackoffPolicy(),
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.backoff = backoff
        self.randomUnit = randomUnit
    }

    public mutating func handle(_ input: Input, now: Date) -> [Action] {
        switch (state, input) {
        case (.idle, .start):
            return beginList()

        case (.listing, .listPageReceived(let token?, _)):
            state = .listing(continueToken: token)
            return [.requestListPage(continueToken: token, resourceVersion: nil)]

        case (.listing, .listPageReceived(nil, let rv)):
            state = .watching(resourceVersion: rv)
            return [.replaceStore(resourceVersion: rv)] + becameHealthy(now) + [.startWatch(resourceVersion: rv)]

        case (.listing(let token), .listFailed(let failure)):
            if token != nil, failure == .expired {
                return [.discardListPages] + beginList()
            }
            return [.discardListPages] + fail(failure, now: now, then: .relist)

        case (.watching, .listFailed(let failure)):
            // The list completed but its pages could not be decoded into the store.
            return fail(failure, now: now, then: .relist)

        case (.watching, .watchStarted):
            watchStartedAt = now
            eventsInWatch = 0
            return becameHealthy(now)

        case (.watching, .watchEventReceived(let type, let rv)):
            eventsInWatch += 1
            if !rv.isEmpty { state = .watching(resourceVersion: rv) }
            return type == .bookmark ? [] : [.apply]

        case (.watching(let rv), .watchEnded(let normally)):
            let veryShort = eventsInWatch == 0 && watchStartedAt.map { now.timeIntervalSince($0) < 1 } ?? true
            watchStartedAt = nil
            if normally && veryShort {
                return fail(.unreachable("watch closed immediately"), now: now, then: .rewatch(resourceVersion: rv))
            }
            return [.startWatch(resourceVersion: rv)]

        case (.watching(let rv), .watchFailed(let failure)):
            watchStartedAt = nil
            if failure == .expired { return beginList() }
            return fail(failure, now: now, then: .rewatch(resourceVersion: rv))

        case (.backingOff(let until, _, let then), .timerFired):
            let remaining = until.timeIntervalSince(now)
            guard remaining < 0.001 else {
                return [.scheduleRetry(after: .milliseconds(Int64((remaining * 1000).rounded(.up))))]
            }
            switch then {
            case .relist: return beginList()
            case .rewatch(let rv):
                state = .watching(resourceVersion: rv)
                return [.startWatch(resourceVersion: rv)]
            }

        default:
            return []
        }
    }

    private mutating func beginList() -> [Action] {
        state = .listing(continueToken: nil)
        return [.requestListPage(continueToken: nil, resourceVersion: nil)]
    }

    private mutating func becameHealthy(_ now: Date) -> [Action] {
        if healthySince == nil { healthySince = now }
        guard isStale else { return [] }
        isStale = false
        return [.markFresh]
    }

    private mutating func fail(_ failure: ReflectorFailure, now: Date, then: Resumption) -> [Action] {
        if case .forbidden(let reason) = failure {
            state = .backingOff(
                until: now.addingTimeInterval(backoff.forbiddenRetry.inSeconds), attempt: failureCount, then: .relist)
            return [.markUnavailable(reason: reason), .scheduleRetry(after: backoff.forbiddenRetry)]
        }
        if let since = healthySince, now.timeIntervalSince(since) >= backoff.resetAfter.inSeconds {
            failureCount = 0
        }
        healthySince = nil
        failureCount += 1
        let delay = failure.retryAfter ?? backoff.delay(attempt: failureCount, unit: randomUnit())
        state = .backingOff(until: now.addingTimeInterval(delay.inSeconds), attempt: failureCount, then: then)
        var actions: [Action] = []
        if !isStale {
            isStale = true
            actions.append(.markStale(reason: failure.description))
        }
        actions.append(.scheduleRetry(after: delay))
        return actions
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var inSeconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
