import ClusterModel

/// The guard rail on cordons and drains: taking a node out of scheduling must leave at least `fraction` of the
/// Ready nodes schedulable. Counted when planning and again before each step, on the store's view.
public struct NodeGuard: Sendable, Hashable {
    public var node: String
    public var fraction: Double
    /// As written (`2/3`, `0.5`), for the refusal.
    public var fractionText: String

    public init(node: String, fraction: Double = 2.0 / 3.0, fractionText: String = "2/3") {
        self.node = node
        self.fraction = fraction
        self.fractionText = fractionText
    }

    /// Parses `2/3` or `0.67` (a fraction of 0 to 1).
    public init(node: String, parsing text: String) throws(RunbooksError) {
        let parts = text.split(separator: "/").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        let value: Double? =
            switch parts.count {
            case 1: parts[0]
            case 2: parts[0].flatMap { numerator in parts[1].flatMap { $0 > 0 ? numerator / $0 : nil } }
            default: nil
            }
        guard let value, (0...1).contains(value) else {
            throw .invalidValue(text, type: .number, problem: "a fraction of the Ready nodes, such as 2/3 or 0.5")
        }
        self.init(node: node, fraction: value, fractionText: text)
    }

    /// Why taking the node out would leave too few Ready nodes schedulable (naming the numbers), or nil.
    public func refusal(in snapshot: ClusterSnapshot) -> String? {
        let ready = snapshot.nodes.values.filter { $0.ready?.status == .isTrue }
        let schedulable = ready.filter { !$0.isUnschedulable && $0.name != node }.count
        guard Double(schedulable) < fraction * Double(ready.count) - 1e-9 else { return nil }
        return "taking node \(node) out of scheduling would leave \(schedulable) of \(ready.count) Ready nodes "
            + "schedulable, fewer than \(fractionText) of them (the guard rail: keeps-schedulable)"
    }
}
