/// The query of a `pods/{name}/log` request (`PodLogOptions`), checked as the API server checks it.
struct PodLogOptions: Sendable, Equatable {
    var container: String?
    var follow = false
    var previous = false
    var timestamps = false
    var tailLines: Int?
    var sinceSeconds: Int?

    init(query: [String: String], pod: String) throws(APIError) {
        container = query["container"].flatMap { $0.isEmpty ? nil : $0 }
        follow = try Self.flag("follow", query)
        previous = try Self.flag("previous", query)
        timestamps = try Self.flag("timestamps", query)
        tailLines = try Self.number("tailLines", query)
        sinceSeconds = try Self.number("sinceSeconds", query)
        var causes: [FieldError] = []
        if let tailLines, tailLines < 0 {
            causes.append(Self.invalid("tailLines", tailLines, "must be greater than or equal to 0"))
        }
        if let sinceSeconds, sinceSeconds < 1 {
            causes.append(Self.invalid("sinceSeconds", sinceSeconds, "must be greater than 0"))
        }
        guard causes.isEmpty else { throw .invalid(kind: "PodLogOptions", name: pod, causes: causes) }
    }

    /// A numeric field's error as the API server words it (the value unquoted).
    private static func invalid(_ field: String, _ value: Int, _ detail: String) -> FieldError {
        FieldError(reason: "FieldValueInvalid", message: "Invalid value: \(value): \(detail)", field: field)
    }

    private static func flag(_ name: String, _ query: [String: String]) throws(APIError) -> Bool {
        switch query[name] {
        case nil, "false", "0": return false
        case "", "true", "1": return true
        case let value?: throw .badRequest("\(name): Invalid value: \"\(value)\": must be true or false")
        }
    }

    private static func number(_ name: String, _ query: [String: String]) throws(APIError) -> Int? {
        guard let text = query[name] else { return nil }
        guard let value = Int(text) else {
            throw .badRequest("\(name): Invalid value: \"\(text)\": must be an integer")
        }
        return value
    }
}
