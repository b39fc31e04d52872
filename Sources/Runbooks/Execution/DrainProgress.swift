import ClusterModel
import Foundation

/// Where a drain stands, pod by pod: what the console panel and the terminal show, and what the driver decides the
/// next evictions from. Pure: transitions take the time they happen at; the store's view is passed in.
public struct DrainProgress: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Not asked yet.
        case waiting
        /// The eviction request is in flight.
        case evicting
        /// A PodDisruptionBudget refused the eviction; asked again at `retryAt`.
        case blocked(budget: String, message: String, retryAt: Date, attempts: Int)
        /// The eviction got no answer (or a 5xx); asked again at `retryAt`.
        case retrying(message: String, retryAt: Date)
        /// Evicted (or already being deleted) and still on the node; its deletion began at `since`.
        case terminating(since: Date)
        /// Gone from the node.
        case gone
        /// Refused for good (or no longer ours to wait for), with the server's words.
        case failed(String)
    }

    public var node: String
    /// Whether the node's kubelet is Ready (a NotReady node's pods stay terminating until it confirms).
    public var isNodeReady: Bool
    public private(set) var states: [ObjectKey: State]
    /// Since when each pod has been waited on for what it waits for now: the start of the drain until its eviction
    /// is accepted (retries of a blocked eviction keep the time), then the eviction.
    public private(set) var waitingSince: [ObjectKey: Date]
    public var skipped: [DrainPlan.Skipped]
    /// The UID of each evicted pod, so that a new pod of the same name (a StatefulSet's) is not waited for.
    private var uids: [ObjectKey: String]
    public var startedAt: Date
    public var deadline: Date
    public var skipWaitAfter: Double

    public init(plan: DrainPlan, startedAt: Date, isNodeReady: Bool = true) {
        node = plan.node
        self.isNodeReady = isNodeReady
        var states: [ObjectKey: State] = [:]
        for eviction in plan.evictions { states[eviction.pod] = .waiting }
        for (pod, since) in plan.terminating { states[pod] = .terminating(since: since) }
        self.states = states
        waitingSince = states.mapValues { _ in startedAt }
        skipped = plan.skipped
        uids = Dictionary(plan.evictions.map { ($0.pod, $0.uid) }) { first, _ in first }
        self.startedAt = startedAt
        deadline = startedAt.addingTimeInterval(plan.timeout)
        skipWaitAfter = plan.skipWaitAfter
    }

    // MARK: Transitions

    /// The eviction of `pod` is being sent. A blocked pod stays blocked (by the same budget) while it is asked
    /// again, so the counts do not flicker with every retry.
    public mutating func sending(_ pod: ObjectKey, at time: Date) {
        if case .blocked(let budget, let message, _, let attempts) = states[pod] {
            states[pod] = .blocked(budget: budget, message: message, retryAt: .distantFuture, attempts: attempts)
        } else {
            states[pod] = .evicting
        }
    }

    /// The server accepted the eviction: the pod is terminating.
    public mutating func evicted(_ pod: ObjectKey, at time: Date) {
        set(pod, .terminating(since: time), at: time)
    }

    /// A budget refused the eviction: asked again after a back-off of 5 s doubling to 30 s (kubectl waits 5 s), or
    /// after the server's `retryAfter` when it asks for longer.
    public mutating func blocked(
        _ pod: ObjectKey, budget: String, message: String, retryAfter: Double? = nil, at time: Date
    ) {
        var attempts = 1
        if case .blocked(_, _, _, let earlier) = states[pod] { attempts = earlier + 1 }
        let delay = max(min(30, 5 * pow(2, Double(attempts - 1))), retryAfter ?? 0)
        states[pod] = .blocked(
            budget: budget, message: message, retryAt: time.addingTimeInterval(delay), attempts: attempts)
    }

    /// The pod is gone already (404) or was replaced by another of the same name (409 on its UID).
    public mutating func gone(_ pod: ObjectKey, at time: Date) {
        set(pod, .gone, at: time)
    }

    /// Another refusal, or a transient failure: asked again 5 s later unless `isFinal`.
    public mutating func failed(_ pod: ObjectKey, message: String, isFinal: Bool, at time: Date) {
        states[pod] = isFinal ? .failed(message) : .retrying(message: message, retryAt: time.addingTimeInterval(5))
    }

    /// Moves terminating pods on: gone when the store no longer has them on the node (or has another pod of the
    /// name, by UID), or when their deletion began more than `skipWaitAfter` seconds ago.
    public mutating func observe(_ snapshot: ClusterSnapshot, at time: Date) {
        isNodeReady = snapshot.nodes[ObjectKey(namespace: "", name: node)]?.ready?.status == .isTrue
        for (pod, state) in states {
            guard case .terminating(let since) = state else { continue }
            let current = snapshot.pods[pod]
            let sameUID = uids[pod].map { $0.isEmpty || $0 == current?.uid } ?? true
            let stillHere = current.map { $0.nodeName == node && sameUID } ?? false
            let skipped = skipWaitAfter > 0 && time.timeIntervalSince(since) > skipWaitAfter
            if !stillHere || skipped { set(pod, .gone, at: time) }
        }
    }

    private mutating func set(_ pod: ObjectKey, _ state: State, at time: Date) {
        states[pod] = state
        waitingSince[pod] = time
    }

    // MARK: Questions

    /// Pods whose eviction is due now: never asked, or blocked with the back-off passed. In name order.
    public func due(at time: Date) -> [ObjectKey] {
        states.filter { _, state in
            switch state {
            case .waiting: true
            case .blocked(_, _, let retryAt, _), .retrying(_, let retryAt): retryAt <= time
            default: false
            }
        }.keys.sorted()
    }

    /// Every pod gone (or failed for good): nothing more to wait for.
    public var isFinished: Bool {
        states.values.allSatisfy { state in
            switch state {
            case .gone, .failed: true
            default: false
            }
        }
    }

    public struct Counts: Sendable, Hashable {
        /// Gone from the node.
        public var evicted = 0
        public var terminating = 0
        /// Not asked yet, or in flight.
        public var waiting = 0
        /// Blocked, by budget name.
        public var blocked: [String: Int] = [:]
        public var failed = 0

        public init(
            evicted: Int = 0, terminating: Int = 0, waiting: Int = 0, blocked: [String: Int] = [:], failed: Int = 0
        ) {
            self.evicted = evicted
            self.terminating = terminating
            self.waiting = waiting
            self.blocked = blocked
            self.failed = failed
        }
    }

    public var counts: Counts {
        var counts = Counts()
        for state in states.values {
            switch state {
            case .waiting, .evicting, .retrying: counts.waiting += 1
            case .blocked(let budget, _, _, _): counts.blocked[budget, default: 0] += 1
            case .terminating: counts.terminating += 1
            case .gone: counts.evicted += 1
            case .failed: counts.failed += 1
            }
        }
        return counts
    }

    /// The pod waited on longest that is not done yet, for how long, and what for.
    public func oldestWait(at time: Date) -> (pod: ObjectKey, seconds: Double, reason: String)? {
        let open = states.compactMap { pod, state -> (ObjectKey, Date, String)? in
            guard let reason = waitReason(state) else { return nil }
            return (pod, waitingSince[pod] ?? startedAt, reason)
        }
        guard let oldest = open.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return (oldest.0, time.timeIntervalSince(oldest.1), oldest.2)
    }

    private func waitReason(_ state: State) -> String? {
        switch state {
        case .waiting: "not evicted yet"
        case .evicting: "eviction sent"
        case .retrying(let message, _): "no answer yet, retrying (\(message))"
        case .blocked(let budget, _, _, _): "blocked by PodDisruptionBudget \(budget)"
        case .terminating:
            isNodeReady
                ? "terminating"
                : "terminating; node \(node) is NotReady, so its kubelet cannot confirm the deletion"
        case .gone, .failed: nil
        }
    }

    /// What the drain is doing, in a few lines: counts, the budgets blocking it with the server's words, the oldest
    /// wait, and on a NotReady node what the deletion waits for.
    public func lines(at time: Date) -> [String] {
        let counts = counts
        let total = states.count
        var head = "evicted \(counts.evicted)/\(total), terminating \(counts.terminating), waiting \(counts.waiting)"
        let blocked = counts.blocked.values.reduce(0, +)
        if blocked > 0 { head += ", blocked \(blocked)" }
        if counts.failed > 0 { head += ", failed \(counts.failed)" }
        var lines = [head]
        for budget in counts.blocked.keys.sorted() {
            let message =
                states.values.lazy.compactMap { state -> String? in
                    if case .blocked(budget, let message, _, _) = state { return message }
                    return nil
                }.first ?? ""
            lines.append(
                "blocked by PodDisruptionBudget \(budget): \(counts.blocked[budget] ?? 0) pod(s), retried with back-off "
                    + "(\(message))")
        }
        if let oldest = oldestWait(at: time) {
            lines.append(
                "oldest wait: \(oldest.pod) for \(DurationText.format(oldest.seconds.rounded())) (\(oldest.reason))")
        }
        if !isNodeReady, counts.terminating > 0 {
            lines.append(
                "node \(node) is NotReady: its \(counts.terminating) terminating pod(s) stay until its kubelet "
                    + "confirms they stopped; set skip_wait_for_delete_timeout to stop waiting after that many seconds")
        }
        return lines
    }

    /// `evicted 38 pods from node node-3 (2 still terminating); not evicted: 2 (shop/web-1: blocked by …)`.
    public var summary: String {
        let counts = counts
        let evicted = counts.evicted + counts.terminating
        var text = "evicted \(evicted) pod\(evicted == 1 ? "" : "s") from node \(node)"
        if counts.terminating > 0 { text += " (\(counts.terminating) still terminating)" }
        let open = states.compactMap { pod, state -> (ObjectKey, String)? in
            switch state {
            case .gone, .terminating: nil
            case .failed(let message): (pod, message)
            default: waitReason(state).map { (pod, $0) }
            }
        }.sorted { $0.0 < $1.0 }
        if !open.isEmpty {
            let shown = open.prefix(5).map { "\($0.0): \($0.1)" }
            text += "; not evicted: \(open.count) (\(shown.joined(separator: "; "))\(open.count > 5 ? "; …" : ""))"
        }
        return text
    }
}
