import Foundation

/// How the console's view of the cluster relates to the API server, as a stream of changes.
public enum ConnectionState: Sendable, Equatable, CustomStringConvertible {
    /// Every resource has been listed and is being watched.
    case connected
    /// A list or watch failed for `problem`; the next attempt is in this long.
    case reconnecting(in: Duration, problem: ConnectionProblem)
    /// The view has not been updated since this time (last known state is kept).
    case stale(since: Date)
    /// Lists and watches work again after a stale period.
    case reconnected

    public var description: String {
        switch self {
        case .connected: return "connected"
        case .reconnecting(let delay, let problem):
            return "\(problem); retry in \(String(format: "%.1f", delay.inSeconds))s"
        case .stale(let since): return "stale since \(KubeTime.format(since))"
        case .reconnected: return "reconnected"
        }
    }
}
