/// An RFC 6901 JSON Pointer such as `/spec/containers/0/image`.
struct JSONPointer: Sendable, Equatable, CustomStringConvertible {
    /// The unescaped reference tokens; empty for the whole document.
    let tokens: [String]
    /// The pointer as written.
    let description: String

    /// Parses a pointer; `nil` if it does not start with `/` (and is not empty)
    /// or contains a `~` not followed by `0` or `1`.
    init?(_ text: String) {
        guard !text.isEmpty else {
            self.tokens = []
            self.description = text
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = Self.unescape(raw) else { return nil }
            tokens.append(token)
        }
        self.tokens = tokens
        self.description = text
    }

    /// Whether `self` is `other` or lies inside it.
    func isWithin(_ other: JSONPointer) -> Bool {
        tokens.count >= other.tokens.count && tokens.prefix(other.tokens.count).elementsEqual(other.tokens)
    }

    private static func unescape(_ raw: Substring) -> String? {
        var result = ""
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }
}

/// Why a pointer could not be followed or edited.
enum JSONPointerFailure: Error, Equatable {
    /// The location (or, for `add`, its parent) does not exist.
    case missing
    /// An array index token is not a non-negative integer without leading zeros (or `-`).
    case invalidIndex(String)
    /// An array index is past the end.
    case indexOutOfRange(index: Int, count: Int)
    /// A token addresses into a scalar.
    case notAContainer(String)
    /// The whole document cannot be removed.
    case cannotRemoveRoot
}

extension JSONValue {
    /// The value `pointer` refers to, if any.
    func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Self.arrayIndex(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// RFC 6902 `add`: sets an object member or inserts into an array (`-` appends).
    func adding(_ value: JSONValue, at pointer: JSONPointer) throws(JSONPointerFailure) -> JSONValue {
        try editingParent(pointer.tokens[...]) { (parent: inout JSONValue, token: String) throws(JSONPointerFailure) in
            switch parent {
            case .object(var members):
                members[token] = value
                parent = .object(members)
            case .array(var items):
                let index = token == "-" ? items.count : try Self.requireIndex(token)
                guard index <= items.count else { throw .indexOutOfRange(index: index, count: items.count) }
                items.insert(value, at: index)
                parent = .array(items)
            default:
                throw .notAContainer(parent.typeName)
            }
        } root: { _ throws(JSONPointerFailure) in
            value
        }
    }

    /// RFC 6902 `remove`: deletes an existing object member or array element.
    func removing(at pointer: JSONPointer) throws(JSONPointerFailure) -> JSONValue {
        try editingParent(pointer.tokens[...]) { (parent: inout JSONValue, token: String) throws(JSONPointerFailure) in
            switch parent {
            case .object(var members):
                guard members.removeValue(forKey: token) != nil else { throw .missing }
                parent = .object(members)
            case .array(var items):
                let index = try Self.requireIndex(token)
                guard items.indices.contains(index) else { throw .indexOutOfRange(index: index, count: items.count) }
                items.remove(at: index)
                parent = .array(items)
            default:
                throw .notAContainer(parent.typeName)
            }
        } root: { _ throws(JSONPointerFailure) in
            throw .cannotRemoveRoot
        }
    }

    /// RFC 6902 `replace`: swaps the value at an existing location.
    func replacing(at pointer: JSONPointer, with value: JSONValue) throws(JSONPointerFailure) -> JSONValue {
        try editingParent(pointer.tokens[...]) { (parent: inout JSONValue, token: String) throws(JSONPointerFailure) in
            switch parent {
            case .object(var members):
                guard members[token] != nil else { throw .missing }
                members[token] = value
                parent = .object(members)
            case .array(var items):
                let index = try Self.requireIndex(token)
                guard items.indices.contains(index) else { throw .indexOutOfRange(index: index, count: items.count) }
                items[index] = value
                parent = .array(items)
            default:
                throw .notAContainer(parent.typeName)
            }
        } root: { _ throws(JSONPointerFailure) in
            value
        }
    }

    /// Walks to the container holding the last token and lets `edit` change it;
    /// an empty pointer hands the whole document to `root`.
    private func editingParent(
        _ tokens: ArraySlice<String>,
        _ edit: (inout JSONValue, String) throws(JSONPointerFailure) -> Void,
        root: (JSONValue) throws(JSONPointerFailure) -> JSONValue
    ) throws(JSONPointerFailure) -> JSONValue {
        guard let first = tokens.first else { return try root(self) }
        if tokens.count == 1 {
            var copy = self
            try edit(&copy, first)
            return copy
        }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var members):
            guard let child = members[first] else { throw .missing }
            members[first] = try child.editingParent(rest, edit, root: root)
            return .object(members)
        case .array(var items):
            let index = try Self.requireIndex(first)
            guard items.indices.contains(index) else { throw .missing }
            items[index] = try items[index].editingParent(rest, edit, root: root)
            return .array(items)
        default:
            throw .missing
        }
    }

    private static func requireIndex(_ token: String) throws(JSONPointerFailure) -> Int {
        guard let index = arrayIndex(token) else { throw .invalidIndex(token) }
        return index
    }

    /// Parses an RFC 6901 array index: `0` or digits without a leading zero.
    private static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber),
            token == "0" || !token.hasPrefix("0")
        else { return nil }
        return Int(token)
    }
}
