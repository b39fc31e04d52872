import ClusterModel

/// What a re-check found about a request whose answer was never recorded.
public enum RecheckVerdict: Sendable, Hashable, CustomStringConvertible {
    /// The cluster holds what the request asked for.
    case inEffect(String)
    /// It does not: the request, or its change, did not land.
    case notInEffect(String)
    /// The cluster could not tell; the result stays unknown.
    case undetermined(String)

    /// Whether the verdict answers the request in the journal (an undetermined one leaves it unknown).
    public var isDecisive: Bool {
        if case .undetermined = self { return false }
        return true
    }

    /// `in effect`, `not in effect`, `undetermined`.
    public var label: String {
        switch self {
        case .inEffect: "in effect"
        case .notInEffect: "not in effect"
        case .undetermined: "undetermined"
        }
    }

    public var description: String {
        switch self {
        case .inEffect(let detail), .notInEffect(let detail), .undetermined(let detail): "\(label): \(detail)"
        }
    }

    /// Compares the object as it is with the server's dry-run answer to the same write sent again.
    public static func comparing(_ current: JSONValue, withDryRun answer: JSONValue, object: ObjectRead)
        -> RecheckVerdict
    {
        let changes = ObjectDiff.changes(from: current, to: answer)
        guard !changes.isEmpty else { return .inEffect("\(object) already holds the change") }
        let shown = changes.prefix(3).map(\.description).joined(separator: "; ")
        let more = changes.count > 3 ? " (+\(changes.count - 3) more)" : ""
        return .notInEffect("sending it now would still change \(shown)\(more)")
    }

    /// Judges a removal from the object as it is now (nil: not found) and the uid the request named.
    public static func removal(of object: ObjectRead, current: JSONValue?, uid: String?) -> RecheckVerdict {
        guard let current else { return .inEffect("\(object) is gone") }
        if let uid, let now = current[path: ["metadata", "uid"]]?.stringValue, now != uid {
            return .inEffect("\(object) was replaced (uid \(now), not \(uid))")
        }
        if let since = current[path: ["metadata", "deletionTimestamp"]]?.stringValue {
            return .inEffect("\(object) is being deleted (since \(since))")
        }
        return .notInEffect("\(object) is still there")
    }
}
