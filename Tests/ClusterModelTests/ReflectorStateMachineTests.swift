import Foundation
import Testing

@testable import ClusterModel

@Suite("Reflector state machine")
struct ReflectorStateMachineTests {
    typealias Input = ReflectorStateMachine.Input
    typealias Action = ReflectorStateMachine.Action

    /// One scripted step: seconds since the start, the input, and the actions expected back.
    struct Step: CustomStringConvertible, Sendable {
        var at: Double
        var input: Input
        var expected: [Action]
        var description: String { "\(at)s \(input)" }
    }

    static let t0 = Date(timeIntervalSince1970: 1_000_000)

    /// Runs steps through a machine whose jitter always picks the maximum delay (`randomUnit` ≈ 1).
    @discardableResult
    func run(_ steps: [Step], unit: Double = 1) -> ReflectorStateMachine {
        var machine = ReflectorStateMachine(randomUnit: { unit })
        for step in steps {
            let actions = machine.handle(step.input, now: Self.t0.addingTimeInterval(step.at))
            #expect(actions == step.expected, "at \(step)")
        }
        return machine
    }

    static let synced: [Step] = [
        Step(at: 0, input: .start, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
        Step(
            at: 0, input: .listPageReceived(continueToken: "c1", resourceVersion: "10"),
            expected: [.requestListPage(continueToken: "c1", resourceVersion: nil)]),
        Step(
            at: 0, input: .listPageReceived(continueToken: nil, resourceVersion: "10"),
            expected: [.replaceStore(resourceVersion: "10"), .startWatch(resourceVersion: "10")]),
        Step(at: 0, input: .watchStarted, expected: []),
    ]

    @Test func pagedListThenWatchFromTheListResourceVersion() {
        let machine = run(Self.synced)
        #expect(machine.state == .watching(resourceVersion: "10"))
        #expect(machine.isStale == false)
    }

    @Test func eventsAreAppliedAndBookmarksOnlyAdvanceTheResourceVersion() {
        let machine = run(
            Self.synced + [
                Step(at: 1, input: .watchEventReceived(.added, resourceVersion: "11"), expected: [.apply]),
                Step(at: 2, input: .watchEventReceived(.deleted, resourceVersion: "12"), expected: [.apply]),
                Step(at: 3, input: .watchEventReceived(.bookmark, resourceVersion: "20"), expected: []),
            ])
        #expect(machine.state == .watching(resourceVersion: "20"))
    }

    @Test func cutStreamResumesFromTheLastSeenVersionImmediately() {
        run(
            Self.synced + [
                Step(at: 5, input: .watchEventReceived(.modified, resourceVersion: "14"), expected: [.apply]),
                Step(at: 6, input: .watchEnded(normally: false), expected: [.startWatch(resourceVersion: "14")]),
            ])
    }

    @Test func serverTimeoutReWatchesWithoutBackoff() {
        run(
            Self.synced + [
                Step(at: 300, input: .watchEnded(normally: true), expected: [.startWatch(resourceVersion: "10")])
            ])
    }

    @Test func watchClosedImmediatelyWithoutEventsBacksOff() {
        run(
            Self.synced + [
                Step(
                    at: 0.2, input: .watchEnded(normally: true),
                    expected: [
                        .markStale(reason: "watch closed immediately"), .scheduleRetry(after: .milliseconds(800)),
                    ])
            ])
    }

    @Test func goneDuringWatchRelists() {
        let machine = run(
            Self.synced + [
                Step(
                    at: 9, input: .watchFailed(.expired),
                    expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
                Step(
                    at: 9, input: .listPageReceived(continueToken: nil, resourceVersion: "40"),
                    expected: [.replaceStore(resourceVersion: "40"), .startWatch(resourceVersion: "40")]),
            ])
        #expect(machine.isStale == false)
    }

    @Test func expiredContinueTokenRestartsTheList() {
        run([
            Step(at: 0, input: .start, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
            Step(
                at: 0, input: .listPageReceived(continueToken: "c1", resourceVersion: "10"),
                expected: [.requestListPage(continueToken: "c1", resourceVersion: nil)]),
            Step(
                at: 400, input: .listFailed(.expired),
                expected: [.discardListPages, .requestListPage(continueToken: nil, resourceVersion: nil)]),
        ])
    }

    @Test func throttledWatchHonoursRetryAfterThenResumesTheWatch() {
        run(
            Self.synced + [
                Step(
                    at: 10, input: .watchFailed(.tooManyRequests(retryAfter: .seconds(7))),
                    expected: [
                        .markStale(reason: "throttled (429), retry after 7s"), .scheduleRetry(after: .seconds(7)),
                    ]),
                Step(at: 17, input: .timerFired, expected: [.startWatch(resourceVersion: "10")]),
                Step(at: 17, input: .watchStarted, expected: [.markFresh]),
            ])
    }

    @Test func outageBacksOffExponentiallyToTheCapThenRecovers() {
        var steps = Self.synced
        var t = 10.0
        let refused = ReflectorFailure.unreachable("connection refused")
        let expectedDelays: [Int64] = [800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000]
        for (attempt, delay) in expectedDelays.enumerated() {
            let stale: [Action] = attempt == 0 ? [.markStale(reason: "connection refused")] : []
            steps.append(
                Step(
                    at: t, input: .watchFailed(refused), expected: stale + [.scheduleRetry(after: .milliseconds(delay))]
                ))
            t += Double(delay) / 1000
            steps.append(Step(at: t, input: .timerFired, expected: [.startWatch(resourceVersion: "10")]))
        }
        steps.append(
            Step(
                at: t, input: .watchFailed(.expired),
                expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]))
        steps.append(
            Step(
                at: t, input: .listPageReceived(continueToken: nil, resourceVersion: "99"),
                expected: [.replaceStore(resourceVersion: "99"), .markFresh, .startWatch(resourceVersion: "99")]))
        let machine = run(steps)
        #expect(machine.failureCount == 8)
    }

    @Test func backoffResetsAfterTwoMinutesOfHealth() {
        let refused = ReflectorFailure.unreachable("connection refused")
        let machine = run(
            Self.synced + [
                Step(
                    at: 1, input: .watchFailed(refused),
                    expected: [.markStale(reason: "connection refused"), .scheduleRetry(after: .milliseconds(800))]),
                Step(at: 2, input: .timerFired, expected: [.startWatch(resourceVersion: "10")]),
                Step(at: 2, input: .watchFailed(refused), expected: [.scheduleRetry(after: .milliseconds(1600))]),
                Step(at: 4, input: .timerFired, expected: [.startWatch(resourceVersion: "10")]),
                Step(at: 4, input: .watchStarted, expected: [.markFresh]),
                Step(
                    at: 200, input: .watchFailed(refused),
                    expected: [.markStale(reason: "connection refused"), .scheduleRetry(after: .milliseconds(800))]),
            ])
        #expect(machine.failureCount == 1)
    }

    @Test(arguments: [0.0, 0.25, 0.5, 0.999])
    func jitterScalesTheDelayBetweenZeroAndTheCeiling(unit: Double) {
        #expect(BackoffPolicy().delay(attempt: 3, unit: unit) == .milliseconds(Int64((3200 * unit).rounded())))
    }

    @Test func failedFirstListBacksOffThenRelists() {
        run(
            [
                Step(at: 0, input: .start, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
                Step(
                    at: 0, input: .listFailed(.serverError(code: 503, message: "unavailable")),
                    expected: [
                        .discardListPages, .markStale(reason: "server error 503: unavailable"),
                        .scheduleRetry(after: .milliseconds(400)),
                    ]),
                Step(at: 0.1, input: .timerFired, expected: [.scheduleRetry(after: .milliseconds(300))]),
                Step(
                    at: 0.4, input: .timerFired, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
            ], unit: 0.5)
    }

    @Test func undecodableListBacksOffAndRelistsInsteadOfWatching() {
        run(
            Self.synced + [
                Step(
                    at: 1, input: .listFailed(.other("Cannot decode pods response")),
                    expected: [
                        .markStale(reason: "Cannot decode pods response"), .scheduleRetry(after: .milliseconds(800)),
                    ]),
                Step(at: 2, input: .timerFired, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
            ])
    }

    @Test func forbiddenResourceIsMarkedUnavailableAndRetriedRarelyWithoutGoingStale() {
        let machine = run([
            Step(at: 0, input: .start, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
            Step(
                at: 0, input: .listFailed(.forbidden("Forbidden: no")),
                expected: [
                    .discardListPages, .markUnavailable(reason: "Forbidden: no"), .scheduleRetry(after: .seconds(300)),
                ]),
            Step(at: 300, input: .timerFired, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
        ])
        #expect(machine.isStale == false)
    }

    @Test func inputsThatDoNotFitTheStateAreIgnored() {
        run([
            Step(at: 0, input: .timerFired, expected: []),
            Step(at: 0, input: .watchStarted, expected: []),
            Step(at: 0, input: .start, expected: [.requestListPage(continueToken: nil, resourceVersion: nil)]),
            Step(at: 0, input: .watchEventReceived(.added, resourceVersion: "1"), expected: []),
        ])
    }
}
