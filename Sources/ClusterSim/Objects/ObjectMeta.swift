/// `metav1.ObjectMeta`, as much of it as the simulator serves.
struct ObjectMeta: Codable, Sendable, Equatable {
    var name: String?
    var generateName: String?
    var namespace: String?
    var uid: String?
    var resourceVersion: String?
    var generation: Int64?
    var creationTimestamp: Timestamp?
    var deletionTimestamp: Timestamp?
    var deletionGracePeriodSeconds: Int64?
    var labels: [String: String]?
    var annotations: [String: String]?
    var ownerReferences: [OwnerReference]?
    var finalizers: [String]?
    var managedFields: [ManagedFieldsEntry]?

    init(name: String, namespace: String? = nil, labels: [String: String]? = nil, annotations: [String: String]? = nil)
    {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    /// The controller owner, if any (`controller: true`).
    var controller: OwnerReference? { ownerReferences?.first { $0.controller == true } }
}

/// `metav1.ManagedFieldsEntry`: the fields one manager owns, as server-side apply tracks them.
struct ManagedFieldsEntry: Codable, Sendable, Equatable {
    var manager: String
    var operation: String
    var apiVersion: String?
    var time: Timestamp?
    var fieldsType: String? = "FieldsV1"
    var fieldsV1: JSONValue?
    var subresource: String?
}

/// `metav1.OwnerReference`.
struct OwnerReference: Codable, Sendable, Equatable {
    var apiVersion: String
    var kind: String
    var name: String
    var uid: String
    var controller: Bool?
    var blockOwnerDeletion: Bool?
}

/// `metav1.LabelSelector` with `matchLabels` and `matchExpressions`.
struct LabelSelector: Codable, Sendable, Equatable {
    struct Requirement: Codable, Sendable, Equatable {
        var key: String
        var `operator`: String
        var values: [String]?
    }
    var matchLabels: [String: String]?
    var matchExpressions: [Requirement]?

    init(matchLabels: [String: String]) { self.matchLabels = matchLabels }

    func matches(_ labels: [String: String]?) -> Bool {
        let labels = labels ?? [:]
        for (key, value) in matchLabels ?? [:] where labels[key] != value { return false }
        for requirement in matchExpressions ?? [] {
            let present = labels[requirement.key]
            let values = requirement.values ?? []
            switch requirement.operator {
            case "In": guard let present, values.contains(present) else { return false }
            case "NotIn": if let present, values.contains(present) { return false }
            case "Exists": if present == nil { return false }
            case "DoesNotExist": if present != nil { return false }
            default: return false
            }
        }
        return true
    }

    /// The `a=b,c=d` form shown in `Scale.status.selector`.
    var text: String {
        (matchLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}

/// A Kubernetes `IntOrString` (`maxUnavailable: 1` or `"25%"`).
enum IntOrString: Codable, Sendable, Equatable {
    case int(Int)
    case string(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }

    /// The value scaled against `total`: percentages round up when `roundUp`, down otherwise.
    func scaled(against total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let value): return value
        case .string(let text):
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return Int(text) }
            let exact = Double(total * percent) / 100
            return Int(roundUp ? exact.rounded(.up) : exact.rounded(.down))
        }
    }
}
