import Foundation
import TestSupport
import Testing

@testable import ClusterModel

/// Waiting on the store for a condition, on a clock the test moves.
@Suite("Waiting on the store")
struct StoreWaitTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aConditionIsMetByAStoreChange() async {
        let store = ClusterStore()
        let clock = SimClock(Self.t0)
        let waiting = Task {
            await store.wait(initial: 0, until: Self.t0.addingTimeInterval(60), clock: { clock.now }) {
                seen, snapshot, _ in
                seen += 1
                return snapshot.pods.isEmpty ? nil : snapshot.pods.count
            }
        }
        try? await Task.sleep(for: .milliseconds(50))
        await store.replace(.pods, items: [PodSummary(namespace: "a", name: "b")])
        guard case .satisfied(let count) = await waiting.value else {
            Issue.record("expected the condition to be met")
            return
        }
        #expect(count == 1)
    }

    @Test func theDeadlineIsOnTheGivenClockAndNoticedWithoutChanges() async {
        let store = ClusterStore()
        let clock = SimClock(Self.t0)
        let waiting = Task {
            await store.wait(
                initial: (), until: Self.t0.addingTimeInterval(300), clock: { clock.now }, recheck: .milliseconds(20)
            ) { _, _, _ -> Int? in nil }
        }
        try? await Task.sleep(for: .milliseconds(100))
        clock.set(Self.t0.addingTimeInterval(301))
        let outcome = await waiting.value
        guard case .timedOut = outcome else {
            Issue.record("expected a timeout, got \(outcome)")
            return
        }
    }

    @Test func cancellingTheWaitEndsIt() async {
        let store = ClusterStore()
        let waiting = Task {
            await store.wait(initial: (), until: Self.t0.addingTimeInterval(300), clock: { Self.t0 }) {
                _, _, _ -> Int? in nil
            }
        }
        waiting.cancel()
        guard case .cancelled = await waiting.value else {
            Issue.record("expected cancellation")
            return
        }
    }
}
