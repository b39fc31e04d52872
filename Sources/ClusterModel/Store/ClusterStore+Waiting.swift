import Foundation

/// How a wait on the store ended.
public enum StoreWaitOutcome<Result: Sendable>: Sendable {
    /// The condition produced a result.
    case satisfied(Result)
    /// The deadline passed on the cluster's clock first.
    case timedOut
    /// The waiting task was cancelled.
    case cancelled
}

extension ClusterStore {
    /// Waits, without asking the API server anything, until `step` returns a result or `deadline` passes on `clock`
    /// (the cluster's clock: a simulator's in tests and demos).
    ///
    /// `step` sees every new snapshot and the cluster time, and keeps what it learns in `state` (e.g. when a rollout
    /// was first seen complete). It also runs every `recheck` of real time without a change, so conditions that
    /// hold for a while ("no new OOM kill for two minutes") and the deadline are noticed on a quiet cluster.
    public func wait<State: Sendable, Result: Sendable>(
        initial state: State, until deadline: Date, clock: @escaping @Sendable () -> Date,
        recheck: Duration = .milliseconds(200),
        _ step: @escaping @Sendable (inout State, ClusterSnapshot, Date) -> Result?
    ) async -> StoreWaitOutcome<Result> {
        let (wakeups, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let changes = self.changes()
        let followers = [
            Task {
                for await _ in changes { continuation.yield() }
            },
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: recheck)
                    continuation.yield()
                }
            },
        ]
        defer {
            followers.forEach { $0.cancel() }
            continuation.finish()
        }
        var state = state
        for await _ in wakeups {
            if Task.isCancelled { return .cancelled }
            let now = clock()
            if let result = step(&state, snapshot(), now) { return .satisfied(result) }
            if now >= deadline { return .timedOut }
        }
        return .cancelled
    }
}
