/// The `namespace`, `labelSelector` and `fieldSelector` of a list or watch, parsed.
struct ObjectFilter: Sendable {
    enum LabelRequirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, [String])
        case notIn(String, [String])
        case exists(String)
        case doesNotExist(String)
    }
    struct FieldRequirement: Sendable, Equatable {
        let path: String
        let value: String
        let negated: Bool
    }

    var namespace: String?
    var labels: [LabelRequirement] = []
    var fields: [FieldRequirement] = []

    var isEmpty: Bool { namespace == nil && labels.isEmpty && fields.isEmpty }

    init(namespace: String?, labelSelector: String?, fieldSelector: String?, resource: ResourceType) throws(APIError) {
        self.namespace = namespace
        if let labelSelector, !labelSelector.isEmpty { labels = try Self.parseLabels(labelSelector) }
        if let fieldSelector, !fieldSelector.isEmpty {
            fields = try Self.parseFields(fieldSelector, resource: resource)
        }
    }

    func matches(_ object: any SimObject) -> Bool {
        let meta = object.metadata
        if let namespace, meta.namespace != namespace { return false }
        let labelValues = meta.labels ?? [:]
        for requirement in labels {
            switch requirement {
            case .equals(let k, let v): if labelValues[k] != v { return false }
            case .notEquals(let k, let v): if labelValues[k] == v { return false }
            case .isIn(let k, let vs): guard let value = labelValues[k], vs.contains(value) else { return false }
            case .notIn(let k, let vs): if let value = labelValues[k], vs.contains(value) { return false }
            case .exists(let k): if labelValues[k] == nil { return false }
            case .doesNotExist(let k): if labelValues[k] != nil { return false }
            }
        }
        for field in fields {
            let actual: String?
            switch field.path {
            case "metadata.name": actual = meta.name ?? ""
            case "metadata.namespace": actual = meta.namespace ?? ""
            default: actual = object.fieldValue(field.path)
            }
            if (actual == field.value) == field.negated { return false }
        }
        return true
    }

    static func parseFields(_ text: String, resource: ResourceType) throws(APIError) -> [FieldRequirement] {
        var result: [FieldRequirement] = []
        for term in text.split(separator: ",") {
            let negated = term.contains("!=")
            let separator = negated ? "!=" : (term.contains("==") ? "==" : "=")
            guard let range = term.range(of: separator) else {
                throw .badRequest("invalid field selector: '\(term)': expected key=value")
            }
            let path = String(term[..<range.lowerBound]).trimmingSpaces
            let value = String(term[range.upperBound...]).trimmingSpaces
            let probe = probeObject(for: resource)
            let known = path == "metadata.name" || path == "metadata.namespace" || probe?.fieldValue(path) != nil
            guard known else {
                throw .badRequest("field label not supported: \(path)")
            }
            result.append(FieldRequirement(path: path, value: value, negated: negated))
        }
        return result
    }

    static func parseLabels(_ text: String) throws(APIError) -> [LabelRequirement] {
        var result: [LabelRequirement] = []
        var terms: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        for raw in terms {
            let term = raw.trimmingSpaces
            if term.isEmpty { continue }
            let words = term.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.count >= 2, ["in", "notin"].contains(words[1]) {
                let list = words.dropFirst(2).joined(separator: " ")
                guard list.hasPrefix("("), list.hasSuffix(")") else {
                    throw .badRequest("unable to parse requirement: \(term)")
                }
                let values = list.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingSpaces }
                result.append(words[1] == "in" ? .isIn(words[0], values) : .notIn(words[0], values))
            } else if let range = term.range(of: "!=") {
                result.append(
                    .notEquals(
                        String(term[..<range.lowerBound]).trimmingSpaces,
                        String(term[range.upperBound...]).trimmingSpaces))
            } else if let range = term.range(of: "==") ?? term.range(of: "=") {
                result.append(
                    .equals(
                        String(term[..<range.lowerBound]).trimmingSpaces,
                        String(term[range.upperBound...]).trimmingSpaces))
            } else if term.hasPrefix("!") {
                result.append(.doesNotExist(String(term.dropFirst()).trimmingSpaces))
            } else if term.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) {
                result.append(.exists(term))
            } else {
                throw .badRequest("unable to parse requirement: \(term)")
            }
        }
        return result
    }

    /// An empty object of the resource's type, to ask which field selectors it supports.
    private static func probeObject(for resource: ResourceType) -> (any SimObject)? {
        switch resource {
        case .pods: Pod(metadata: ObjectMeta(name: ""), spec: PodSpec(containers: []))
        case .events, .eventsV1: Event(metadata: ObjectMeta(name: ""), involvedObject: ObjectReference())
        case .nodes: Node(metadata: ObjectMeta(name: ""), spec: NodeSpec(), status: NodeStatus())
        default: nil
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}
