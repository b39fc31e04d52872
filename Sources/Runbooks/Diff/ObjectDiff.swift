import ClusterModel

/// One field that differs between an object and what the server would store.
public struct FieldChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Dotted path; list items with a `name` are shown by name: `spec.template.spec.containers[coredns].resources`.
    public var path: String
    /// The value before, nil when the field was absent.
    public var before: String?
    /// The value after, nil when the field is removed.
    public var after: String?

    public init(path: String, before: String?, after: String?) {
        self.path = path
        self.before = before
        self.after = after
    }

    /// `path: before → after` (`unset` for an absent side).
    public var description: String { "\(path): \(before ?? "unset") → \(after ?? "unset")" }
}

/// The changed fields between an object as read and the server's dry-run answer, leaving out what the server
/// changes on every write (resourceVersion, generation, managed fields) and status.
public enum ObjectDiff {
    /// Fields that are not the user's change.
    static let ignored: Set<[String]> = [
        ["metadata", "resourceVersion"], ["metadata", "generation"], ["metadata", "managedFields"],
        ["metadata", "creationTimestamp"], ["metadata", "uid"], ["status"],
    ]

    public static func changes(from before: JSONValue, to after: JSONValue) -> [FieldChange] {
        var changes: [FieldChange] = []
        compare(before, after, path: [], shown: [], into: &changes)
        return changes
    }

    private static func compare(
        _ before: JSONValue?, _ after: JSONValue?, path: [String], shown: [String], into changes: inout [FieldChange]
    ) {
        if ignored.contains(path) || before == after { return }
        switch (before, after) {
        case (.object(let old)?, .object(let new)?):
            for key in Set(old.keys).union(new.keys).sorted() {
                compare(old[key], new[key], path: path + [key], shown: shown + [key], into: &changes)
            }
        case (.array(let old)?, .array(let new)?) where keyed(old) && keyed(new):
            let oldByName = Dictionary(old.map { (name(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
            let newByName = Dictionary(new.map { (name(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
            var names = old.map(name(of:))
            names += new.map(name(of:)).filter { !names.contains($0) }
            for item in names {
                let label = (shown.last ?? "") + "[\(item)]"
                compare(
                    oldByName[item], newByName[item], path: path + ["[\(item)]"],
                    shown: Array(shown.dropLast()) + [label], into: &changes)
            }
        case (.array(let old)?, .array(let new)?) where old.count == new.count:
            for index in old.indices {
                let label = (shown.last ?? "") + "[\(index)]"
                compare(
                    old[index], new[index], path: path + ["[\(index)]"], shown: Array(shown.dropLast()) + [label],
                    into: &changes)
            }
        default:
            changes.append(
                FieldChange(path: shown.joined(separator: "."), before: before.map(text), after: after.map(text)))
        }
    }

    private static func keyed(_ items: [JSONValue]) -> Bool {
        !items.isEmpty && items.allSatisfy { $0["name"]?.stringValue != nil }
    }

    private static func name(of item: JSONValue) -> String { item["name"]?.stringValue ?? "" }

    private static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.serialized()
    }
}
