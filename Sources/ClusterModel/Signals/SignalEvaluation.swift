import Foundation

/// The result of one evaluation: the current observations and the history to pass next time.
public struct SignalEvaluation: Sendable, Equatable {
    public var observations: [Observation]
    public var history: SignalHistory
}
