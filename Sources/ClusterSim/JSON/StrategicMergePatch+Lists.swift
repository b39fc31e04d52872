/// List handling for strategic merge patches.
extension StrategicMerger {
    /// Merges the list `patch` into `original` for the field at `path`.
    func mergeList(_ original: [JSONValue], _ patch: [JSONValue], path: [String]) throws(PatchError) -> [JSONValue] {
        switch schema.strategy(forPath: path) {
        case .replace:
            return patch
        case .mergePrimitives:
            return try unionPrimitives(original, patch, path: path)
        case .mergeByKey(let key):
            return try mergeByKey(original, patch, key: key, path: path)
        }
    }

    /// Appends each patch scalar not already present, keeping the original order.
    private func unionPrimitives(_ original: [JSONValue], _ patch: [JSONValue], path: [String]) throws(PatchError)
        -> [JSONValue]
    {
        var result = original
        for (index, item) in patch.enumerated() {
            guard item.isPrimitive else {
                throw .invalidListElement(
                    path: PatchError.fieldPath(path), index: index,
                    reason: "expected a string, number or boolean, got \(item.typeName)")
            }
            if !result.contains(where: { $0.isJSONEqual(to: item) }) {
                result.append(item)
            }
        }
        return result
    }

    /// Merges object elements matched on `key`; unmatched patch elements are appended.
    private func mergeByKey(
        _ original: [JSONValue], _ patch: [JSONValue], key: String, path: [String]
    ) throws(PatchError) -> [JSONValue] {
        var replaceWhole = false
        var deletions: [JSONValue] = []
        var updates: [[String: JSONValue]] = []
        for (index, item) in patch.enumerated() {
            guard case .object(let members) = item else {
                throw .invalidListElement(
                    path: PatchError.fieldPath(path), index: index,
                    reason: "expected an object with merge key \"\(key)\", got \(item.typeName)")
            }
            if let directive = members[Self.patchDirective] {
                switch directive {
                case "replace":
                    replaceWhole = true
                case "delete":
                    deletions.append(try mergeKeyValue(of: members, key: key, index: index, path: path))
                default:
                    throw .invalidDirective(
                        path: PatchError.fieldPath(path) + "[\(index)]", directive: Self.patchDirective,
                        reason: "list elements accept \"replace\" or \"delete\", got \(PatchError.snippet(directive))")
                }
                continue
            }
            _ = try mergeKeyValue(of: members, key: key, index: index, path: path)
            updates.append(members)
        }

        var result = replaceWhole ? [] : original
        if !deletions.isEmpty {
            result.removeAll { element in
                guard let value = element[key] else { return false }
                return deletions.contains { $0.isJSONEqual(to: value) }
            }
        }
        for members in updates {
            let value = members[key]
            if let position = result.firstIndex(where: { $0[key] == value }),
                case .object(let existing) = result[position]
            {
                result[position] = .object(try mergeObject(existing, members, path: path))
            } else {
                result.append(.object(try mergeObject([:], members, path: path)))
            }
        }
        return result
    }

    private func mergeKeyValue(
        of members: [String: JSONValue], key: String, index: Int, path: [String]
    ) throws(PatchError) -> JSONValue {
        guard let value = members[key], value.isPrimitive, value != .null else {
            throw .invalidListElement(
                path: PatchError.fieldPath(path), index: index,
                reason: "missing merge key \"\(key)\" (a string or number identifying the element)")
        }
        return value
    }

    /// Applies `$setElementOrder/<field>`: elements named in `order` come first in
    /// that order, all others follow in their current order.
    func reorder(_ items: [JSONValue], by order: [JSONValue], path: [String]) throws(PatchError) -> [JSONValue] {
        let key = schema.mergeKey(forPath: path)
        let directive = Self.setElementOrderPrefix + (path.last ?? "")
        var identities: [JSONValue] = []
        for (index, entry) in order.enumerated() {
            if let key {
                guard let value = entry[key], value.isPrimitive, value != .null else {
                    throw .invalidDirective(
                        path: PatchError.fieldPath(Array(path.dropLast())), directive: directive,
                        reason:
                            "element \(index) must be an object with merge key \"\(key)\", got \(PatchError.snippet(entry))"
                    )
                }
                identities.append(value)
            } else {
                guard entry.isPrimitive else {
                    throw .invalidDirective(
                        path: PatchError.fieldPath(Array(path.dropLast())), directive: directive,
                        reason: "element \(index) must be a string, number or boolean, got \(entry.typeName)")
                }
                identities.append(entry)
            }
        }
        var remaining = items
        var ordered: [JSONValue] = []
        for identity in identities {
            while let position = remaining.firstIndex(where: { identityOf($0, key: key) == identity }) {
                ordered.append(remaining.remove(at: position))
            }
        }
        return ordered + remaining
    }

    private func identityOf(_ element: JSONValue, key: String?) -> JSONValue? {
        guard let key else { return element }
        return element[key]
    }
}
