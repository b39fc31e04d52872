import Foundation

/// The order milestones keep: impact started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved. Pure.
public enum MilestoneOrder {
    /// Throws `TimelineError.milestoneOrder` naming the nearest milestone that setting `milestone` to `time` would
    /// cross; unset milestones constrain nothing.
    public static func check(
        _ milestone: Milestone, at time: Date, against current: [Milestone: Date]
    ) throws(TimelineError) {
        let earlier = current.filter { $0.key < milestone && $0.value > time }.max { $0.key < $1.key }
        if let earlier {
            throw .milestoneOrder(milestone: milestone, at: time, crossing: earlier.key, crossingAt: earlier.value)
        }
        let later = current.filter { $0.key > milestone && $0.value < time }.min { $0.key < $1.key }
        if let later {
            throw .milestoneOrder(milestone: milestone, at: time, crossing: later.key, crossingAt: later.value)
        }
    }
}
