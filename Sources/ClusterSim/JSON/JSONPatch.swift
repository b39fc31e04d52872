/// JSON patch, RFC 6902 (`application/json-patch+json`).
extension JSONValue {
    /// Applies a list of RFC 6902 operations in order. The first failing
    /// operation aborts the patch; errors name the operation's 0-based index.
    func applyingJSONPatch(_ ops: JSONValue) throws(PatchError) -> JSONValue {
        guard case .array(let list) = ops else {
            throw .wrongBodyType(kind: .json, expected: "a JSON array of operations", found: ops.typeName)
        }
        var document = self
        for (index, raw) in list.enumerated() {
            let operation = try JSONPatchOperation(raw, index: index)
            document = try operation.apply(to: document)
        }
        return document
    }
}

/// One validated RFC 6902 operation.
struct JSONPatchOperation: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable {
        case add, remove, replace, move, copy, test
    }

    let index: Int
    let kind: Kind
    let path: JSONPointer
    let from: JSONPointer?
    let value: JSONValue?

    /// Validates the shape of operation number `index`.
    init(_ raw: JSONValue, index: Int) throws(PatchError) {
        guard case .object(let members) = raw else {
            throw .invalidOperation(index: index, op: nil, reason: "operation must be an object, got \(raw.typeName)")
        }
        guard case .string(let name)? = members["op"] else {
            throw .invalidOperation(index: index, op: nil, reason: "missing string member \"op\"")
        }
        guard let kind = Kind(rawValue: name) else {
            let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidOperation(index: index, op: name, reason: "unknown operation; expected one of \(known)")
        }
        self.index = index
        self.kind = kind
        self.path = try Self.pointer(members, "path", index: index, op: name)
        switch kind {
        case .move, .copy:
            self.from = try Self.pointer(members, "from", index: index, op: name)
            self.value = nil
        case .add, .replace, .test:
            guard let value = members["value"] else {
                throw .invalidOperation(index: index, op: name, reason: "missing member \"value\"")
            }
            self.from = nil
            self.value = value
        case .remove:
            self.from = nil
            self.value = nil
        }
    }

    /// Applies this operation, producing the new document.
    func apply(to document: JSONValue) throws(PatchError) -> JSONValue {
        switch kind {
        case .add:
            return try run(path) { () throws(JSONPointerFailure) in try document.adding(value ?? .null, at: path) }
        case .remove:
            return try run(path) { () throws(JSONPointerFailure) in try document.removing(at: path) }
        case .replace:
            return try run(path) { () throws(JSONPointerFailure) in
                try document.replacing(at: path, with: value ?? .null)
            }
        case .copy, .move:
            guard let from, let moved = document.value(at: from) else {
                throw .pathNotFound(index: index, op: kind.rawValue, path: from?.description ?? "")
            }
            var source = document
            if kind == .move {
                guard from == path || !path.isWithin(from) else {
                    throw .invalidOperation(
                        index: index, op: kind.rawValue,
                        reason:
                            "cannot move \(Self.quoted(from.description)) into its own child \(Self.quoted(path.description))"
                    )
                }
                source = try run(from) { () throws(JSONPointerFailure) in try document.removing(at: from) }
            }
            return try run(path) { () throws(JSONPointerFailure) in try source.adding(moved, at: path) }
        case .test:
            guard let actual = document.value(at: path) else {
                throw .pathNotFound(index: index, op: kind.rawValue, path: path.description)
            }
            let expected = value ?? .null
            guard actual.isJSONEqual(to: expected) else {
                throw .testFailed(
                    index: index, path: path.description,
                    expected: PatchError.snippet(expected), actual: PatchError.snippet(actual))
            }
            return document
        }
    }

    /// Runs a pointer edit, translating its failure into a ``PatchError`` with context.
    private func run(
        _ pointer: JSONPointer, _ body: () throws(JSONPointerFailure) -> JSONValue
    ) throws(PatchError) -> JSONValue {
        do {
            return try body()
        } catch {
            let op = kind.rawValue
            let quotedPath = Self.quoted(pointer.description)
            switch error {
            case .missing:
                throw .pathNotFound(index: index, op: op, path: pointer.description)
            case .invalidIndex(let token):
                throw .invalidOperation(
                    index: index, op: op,
                    reason: "path \(quotedPath): \(Self.quoted(token)) is not a valid array index")
            case .indexOutOfRange(let position, let count):
                throw .invalidOperation(
                    index: index, op: op,
                    reason: "path \(quotedPath): index \(position) is out of range for an array of \(count) elements")
            case .notAContainer(let type):
                throw .invalidOperation(
                    index: index, op: op, reason: "path \(quotedPath): cannot address into a \(type)")
            case .cannotRemoveRoot:
                throw .invalidOperation(index: index, op: op, reason: "cannot remove the whole document")
            }
        }
    }

    private static func pointer(
        _ members: [String: JSONValue], _ name: String, index: Int, op: String
    ) throws(PatchError) -> JSONPointer {
        guard case .string(let text)? = members[name] else {
            throw .invalidOperation(index: index, op: op, reason: "missing string member \"\(name)\"")
        }
        guard let pointer = JSONPointer(text) else {
            throw .invalidOperation(
                index: index, op: op,
                reason:
                    "\(name) \(quoted(text)) is not a JSON pointer (it must start with \"/\"; escape \"~\" as ~0 and \"/\" as ~1)"
            )
        }
        return pointer
    }

    private static func quoted(_ text: String) -> String {
        JSONValue.string(text).jsonText
    }
}
