/// A patch that cannot be applied. Each description is a single line suitable
/// for the `message` of an HTTP 400/422 `Status`.
enum PatchError: Error, Equatable, CustomStringConvertible {
    /// The request body is not valid JSON.
    case malformedBody(kind: PatchKind, message: String)
    /// The body parsed but has the wrong top-level shape (e.g. an array for a strategic merge patch).
    case wrongBodyType(kind: PatchKind, expected: String, found: String)
    /// A `$patch`, `$retainKeys`, `$setElementOrder/…` or `$deleteFromPrimitiveList/…` directive is unusable.
    case invalidDirective(path: String, directive: String, reason: String)
    /// A list element in a strategic merge patch has the wrong type or lacks its merge key.
    case invalidListElement(path: String, index: Int, reason: String)
    /// A JSON patch operation is structurally wrong (missing `op`, bad pointer, wrong index…).
    case invalidOperation(index: Int, op: String?, reason: String)
    /// A JSON patch operation refers to a location that does not exist.
    case pathNotFound(index: Int, op: String, path: String)
    /// A JSON patch `test` operation found a different value.
    case testFailed(index: Int, path: String, expected: String, actual: String)

    var description: String {
        switch self {
        case .malformedBody(let kind, let message):
            "\(kind.displayName) body is not valid JSON: \(message)"
        case .wrongBodyType(let kind, let expected, let found):
            "\(kind.displayName) body must be \(expected), got \(found)"
        case .invalidDirective(let path, let directive, let reason):
            "strategic merge patch: invalid \(directive) at \(path): \(reason)"
        case .invalidListElement(let path, let index, let reason):
            "strategic merge patch: element \(index) of \(path): \(reason)"
        case .invalidOperation(let index, let op, let reason):
            "json patch op \(index)\(op.map { " (\($0))" } ?? ""): \(reason)"
        case .pathNotFound(let index, let op, let path):
            "json patch op \(index) (\(op)): path \(Self.quoted(path)) does not exist"
        case .testFailed(let index, let path, let expected, let actual):
            "json patch op \(index) (test): value at \(Self.quoted(path)) is \(actual), expected \(expected)"
        }
    }

    /// Renders a field path such as `["spec", "containers"]` as `spec.containers`.
    static func fieldPath(_ path: [String]) -> String {
        path.isEmpty ? "the top level" : path.joined(separator: ".")
    }

    /// Short one-line rendering of a JSON value for messages.
    static func snippet(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    private static func quoted(_ text: String) -> String {
        JSONValue.string(text).jsonText
    }
}
