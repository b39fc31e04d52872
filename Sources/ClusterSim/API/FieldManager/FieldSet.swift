import Foundation

/// A set of fields in the `FieldsV1` form server-side apply records: a tree whose keys are `f:<name>` (a member),
/// `k:{"name":"web"}` (a list element by its merge key), `v:"x"` (an element of a set of scalars) and `.` (the
/// element itself), with `{}` at the leaves.
struct FieldSet: Equatable, Sendable {
    /// A leaf's path from the root, one key per level.
    typealias Path = [String]

    private(set) var leaves: Set<Path>

    init(leaves: Set<Path> = []) { self.leaves = leaves }

    /// The fields an object sets, as an applier or updater owns them (identity and status excluded).
    init(of object: JSONValue, schema: StrategicMergeSchema = .kubernetes) {
        var leaves = Set<Path>()
        for (key, value) in object.objectValue ?? [:] where !["apiVersion", "kind", "status"].contains(key) {
            if key == "metadata" {
                for (metaKey, metaValue) in value.objectValue ?? [:]
                where ["labels", "annotations", "finalizers", "ownerReferences"].contains(metaKey) {
                    Self.collect(
                        metaValue, at: ["f:metadata", "f:" + metaKey], fieldPath: ["metadata", metaKey],
                        schema: schema, into: &leaves)
                }
            } else {
                Self.collect(value, at: ["f:" + key], fieldPath: [key], schema: schema, into: &leaves)
            }
        }
        self.leaves = leaves
    }

    /// Reads a `fieldsV1` tree.
    init(fieldsV1: JSONValue) {
        var leaves = Set<Path>()
        func walk(_ node: JSONValue, _ path: Path) {
            let members = node.objectValue ?? [:]
            if members.isEmpty, !path.isEmpty { leaves.insert(path) }
            for (key, child) in members where key != "." { walk(child, path + [key]) }
        }
        walk(fieldsV1, [])
        self.leaves = leaves
    }

    /// The `fieldsV1` tree, with `.` marking list elements as the real server does.
    var fieldsV1: JSONValue {
        var root: [String: JSONValue] = [:]
        func insert(_ path: ArraySlice<String>, into node: inout [String: JSONValue]) {
            guard let first = path.first else { return }
            var child = node[first]?.objectValue ?? [:]
            if first.hasPrefix("k:"), path.count > 1 { child["."] = .object([:]) }
            insert(path.dropFirst(), into: &child)
            node[first] = .object(child)
        }
        for leaf in leaves { insert(leaf[...], into: &root) }
        return .object(root)
    }

    var isEmpty: Bool { leaves.isEmpty }

    func union(_ other: FieldSet) -> FieldSet { FieldSet(leaves: leaves.union(other.leaves)) }
    func subtracting(_ other: FieldSet) -> FieldSet { FieldSet(leaves: leaves.subtracting(other.leaves)) }
    func intersection(_ other: FieldSet) -> FieldSet { FieldSet(leaves: leaves.intersection(other.leaves)) }

    /// A path as structured-merge-diff prints it: `.spec.template.spec.containers[name="web"].image`.
    static func text(_ path: Path) -> String {
        path.map { key -> String in
            if key.hasPrefix("f:") { return "." + key.dropFirst(2) }
            if key.hasPrefix("v:") { return "[=" + key.dropFirst(2) + "]" }
            guard key.hasPrefix("k:"), let object = try? JSONValue(parsing: Data(key.dropFirst(2).utf8)).objectValue
            else { return key }
            return "["
                + object.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.jsonText)" }
                .joined(separator: ",") + "]"
        }.joined()
    }

    /// The value a path names in an object, or nil when it is absent.
    static func value(at path: Path, in object: JSONValue) -> JSONValue? {
        var current: JSONValue? = object
        for key in path {
            guard let node = current else { return nil }
            current = child(node, key)
        }
        return current
    }

    /// The object without the field a path names (a list element is removed whole).
    static func removing(_ path: Path, from object: JSONValue) -> JSONValue {
        guard let key = path.first else { return object }
        if path.count == 1 {
            switch object {
            case .object(var members):
                if key.hasPrefix("f:") { members[String(key.dropFirst(2))] = nil }
                return .object(members)
            case .array(let items): return .array(items.filter { !matches($0, key) })
            default: return object
            }
        }
        switch object {
        case .object(var members) where key.hasPrefix("f:"):
            let name = String(key.dropFirst(2))
            if let child = members[name] { members[name] = removing(Array(path.dropFirst()), from: child) }
            return .object(members)
        case .array(let items):
            return .array(items.map { matches($0, key) ? removing(Array(path.dropFirst()), from: $0) : $0 })
        default: return object
        }
    }

    private static func child(_ node: JSONValue, _ key: String) -> JSONValue? {
        if key.hasPrefix("f:") { return node[String(key.dropFirst(2))] }
        return node.arrayValue?.first { matches($0, key) }
    }

    private static func matches(_ element: JSONValue, _ key: String) -> Bool {
        if key.hasPrefix("v:") { return element.jsonText == String(key.dropFirst(2)) }
        guard key.hasPrefix("k:"), let wanted = try? JSONValue(parsing: Data(key.dropFirst(2).utf8)).objectValue
        else { return false }
        return wanted.allSatisfy { element[$0.key] == $0.value }
    }

    private static func collect(
        _ value: JSONValue, at path: Path, fieldPath: [String], schema: StrategicMergeSchema,
        into leaves: inout Set<Path>
    ) {
        switch value {
        case .object(let members) where !members.isEmpty:
            for (key, child) in members {
                collect(child, at: path + ["f:" + key], fieldPath: fieldPath + [key], schema: schema, into: &leaves)
            }
        case .array(let items) where !items.isEmpty:
            switch schema.strategy(forPath: fieldPath) {
            case .mergeByKey(let mergeKey):
                for item in items {
                    guard let identity = item[mergeKey] else { continue }
                    let key = "k:" + JSONValue.object([mergeKey: identity]).jsonText
                    let fields = (item.objectValue ?? [:]).filter { $0.key != mergeKey }
                    if fields.isEmpty { leaves.insert(path + [key]) }
                    for (name, child) in fields {
                        collect(
                            child, at: path + [key, "f:" + name], fieldPath: fieldPath + [name], schema: schema,
                            into: &leaves)
                    }
                    leaves.insert(path + [key, "f:" + mergeKey])
                }
            case .mergePrimitives:
                for item in items { leaves.insert(path + ["v:" + item.jsonText]) }
            case .replace:
                leaves.insert(path)
            }
        default:
            leaves.insert(path)
        }
    }
}
