extension JSONValue {
    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The value at a path of object keys.
    public subscript(path path: [String]) -> JSONValue? {
        var value: JSONValue? = self
        for key in path { value = value?[key] }
        return value
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// An integer, also from a double with no fraction.
    public var intValue: Int64? {
        switch self {
        case .int(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 9e15: return Int64(number)
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// A copy with member `key` set (or removed when `value` is nil); a non-object becomes an object.
    public func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        var members = objectValue ?? [:]
        members[key] = value
        return .object(members)
    }

    /// A copy with the value at `path` set, creating objects along the way (removed when `value` is nil).
    public func setting(path: [String], _ value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        if path.count == 1 { return setting(first, value) }
        let child = self[first] ?? .object([:])
        return setting(first, child.setting(path: Array(path.dropFirst()), value))
    }
}
