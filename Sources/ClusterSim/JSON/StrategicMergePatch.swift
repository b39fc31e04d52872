/// Strategic merge patch (`application/strategic-merge-patch+json`) as
/// kube-apiserver applies it to built-in types.
extension JSONValue {
    /// Applies a strategic merge patch: objects merge recursively, `null` deletes
    /// a key, and lists merge according to `schema`. The `$patch`, `$retainKeys`,
    /// `$setElementOrder/<field>` and `$deleteFromPrimitiveList/<field>` directives
    /// are honoured and never appear in the result.
    func applyingStrategicMergePatch(
        _ patch: JSONValue, schema: StrategicMergeSchema = .kubernetes
    ) throws(PatchError) -> JSONValue {
        guard case .object(let members) = patch else {
            throw .wrongBodyType(kind: .strategicMerge, expected: "a JSON object", found: patch.typeName)
        }
        let merger = StrategicMerger(schema: schema)
        return .object(try merger.mergeObject(objectValue ?? [:], members, path: []))
    }
}

/// The recursive worker behind ``JSONValue/applyingStrategicMergePatch(_:schema:)``.
struct StrategicMerger {
    static let patchDirective = "$patch"
    static let retainKeysDirective = "$retainKeys"
    static let setElementOrderPrefix = "$setElementOrder/"
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/"

    let schema: StrategicMergeSchema

    /// The directives and plain fields of one patch object, separated.
    private struct SplitPatch {
        var fields: [String: JSONValue] = [:]
        var elementOrders: [String: [JSONValue]] = [:]
        var primitiveDeletions: [String: [JSONValue]] = [:]
        var retainKeys: Set<String>?
    }

    /// Merges `patch` into `original`, where both are objects found at `path`.
    func mergeObject(
        _ original: [String: JSONValue], _ patch: [String: JSONValue], path: [String]
    ) throws(PatchError) -> [String: JSONValue] {
        var patch = patch
        if let directive = patch.removeValue(forKey: Self.patchDirective) {
            switch directive {
            case "replace":
                return try mergeObject([:], patch, path: path)
            case "delete":
                return [:]
            case "merge":
                break
            default:
                throw .invalidDirective(
                    path: PatchError.fieldPath(path), directive: Self.patchDirective,
                    reason: "expected \"replace\", \"delete\" or \"merge\", got \(PatchError.snippet(directive))")
            }
        }
        let split = try splitDirectives(patch, path: path)

        var result = original
        if let retained = split.retainKeys {
            result = result.filter { retained.contains($0.key) }
        }
        for (field, values) in split.primitiveDeletions.sorted(by: { $0.key < $1.key }) {
            result[field] = try deleting(values, fromListIn: result[field], field: field, path: path)
        }
        for (key, value) in split.fields.sorted(by: { $0.key < $1.key }) {
            let childPath = path + [key]
            switch (result[key], value) {
            case (_, .null):
                result.removeValue(forKey: key)
            case (.object(let existing)?, .object(let members)):
                result[key] = .object(try mergeObject(existing, members, path: childPath))
            case (_, .object(let members)):
                result[key] = .object(try mergeObject([:], members, path: childPath))
            case (.array(let existing)?, .array(let items)):
                result[key] = .array(try mergeList(existing, items, path: childPath))
            case (_, .array(let items)):
                result[key] = .array(try mergeList([], items, path: childPath))
            default:
                result[key] = value
            }
        }
        for (field, order) in split.elementOrders.sorted(by: { $0.key < $1.key }) {
            guard case .array(let items)? = result[field] else { continue }
            result[field] = .array(try reorder(items, by: order, path: path + [field]))
        }
        return result
    }

    /// Separates directive keys from plain fields and validates directive values.
    private func splitDirectives(_ patch: [String: JSONValue], path: [String]) throws(PatchError) -> SplitPatch {
        var split = SplitPatch()
        for (key, value) in patch {
            guard key.hasPrefix("$") else {
                split.fields[key] = value
                continue
            }
            if key == Self.retainKeysDirective {
                split.retainKeys = try stringSet(value, directive: key, path: path)
            } else if let field = Self.field(of: key, prefix: Self.setElementOrderPrefix) {
                split.elementOrders[field] = try list(value, directive: key, path: path)
            } else if let field = Self.field(of: key, prefix: Self.deleteFromPrimitiveListPrefix) {
                let values = try list(value, directive: key, path: path)
                if let bad = values.first(where: { !$0.isPrimitive }) {
                    throw .invalidDirective(
                        path: PatchError.fieldPath(path), directive: key,
                        reason: "elements must be strings, numbers or booleans, got \(bad.typeName)")
                }
                split.primitiveDeletions[field] = values
            } else {
                throw .invalidDirective(
                    path: PatchError.fieldPath(path), directive: key,
                    reason:
                        "unknown directive; expected $patch, $retainKeys, $setElementOrder/<field> or $deleteFromPrimitiveList/<field>"
                )
            }
        }
        return split
    }

    /// Removes `values` from the primitive list `current` (absent lists stay absent).
    private func deleting(
        _ values: [JSONValue], fromListIn current: JSONValue?, field: String, path: [String]
    ) throws(PatchError) -> JSONValue? {
        switch current {
        case nil, .null?:
            return current
        case .array(let items)?:
            return .array(items.filter { item in !values.contains { $0.isJSONEqual(to: item) } })
        case let other?:
            throw .invalidDirective(
                path: PatchError.fieldPath(path), directive: Self.deleteFromPrimitiveListPrefix + field,
                reason: "\(field) is not a list (found \(other.typeName))")
        }
    }

    private func list(_ value: JSONValue, directive: String, path: [String]) throws(PatchError) -> [JSONValue] {
        guard case .array(let items) = value else {
            throw .invalidDirective(
                path: PatchError.fieldPath(path), directive: directive,
                reason: "value must be a list, got \(value.typeName)")
        }
        return items
    }

    private func stringSet(_ value: JSONValue, directive: String, path: [String]) throws(PatchError) -> Set<String> {
        var keys = Set<String>()
        for item in try list(value, directive: directive, path: path) {
            guard case .string(let key) = item else {
                throw .invalidDirective(
                    path: PatchError.fieldPath(path), directive: directive,
                    reason: "value must be a list of field names, found \(item.typeName)")
            }
            keys.insert(key)
        }
        return keys
    }

    private static func field(of key: String, prefix: String) -> String? {
        guard key.hasPrefix(prefix), key.count > prefix.count else { return nil }
        return String(key.dropFirst(prefix.count))
    }
}
