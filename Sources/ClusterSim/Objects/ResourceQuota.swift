/// core/v1 ResourceQuota: hard limits per namespace, and the usage the quota controller keeps in its status.
struct ResourceQuota: Codable, Sendable {
    struct Spec: Codable, Sendable, Equatable {
        var hard: [String: String]?
        var scopes: [String]?
    }
    struct Status: Codable, Sendable, Equatable {
        var hard: [String: String]?
        var used: [String: String]?
    }
    var metadata: ObjectMeta
    @Defaulted var spec: Spec = Spec()
    @Defaulted var status: Status = Status()
}

/// core/v1 LimitRange: per-container defaults and bounds applied when pods are created.
struct LimitRange: Codable, Sendable {
    struct Item: Codable, Sendable, Equatable {
        var type: String
        var max: [String: String]?
        var min: [String: String]?
        var `default`: [String: String]?
        var defaultRequest: [String: String]?
        var maxLimitRequestRatio: [String: String]?
    }
    struct Spec: Codable, Sendable { var limits: [Item] }
    var metadata: ObjectMeta
    var spec: Spec
}

/// scheduling.k8s.io/v1 PriorityClass.
struct PriorityClass: Codable, Sendable {
    var metadata: ObjectMeta
    var value: Int32
    var globalDefault: Bool?
    var description: String?
    var preemptionPolicy: String?
}

/// apps/v1 ControllerRevision: one revision of a DaemonSet's or StatefulSet's pod template.
struct ControllerRevision: Codable, Sendable {
    var metadata: ObjectMeta
    var data: JSONValue?
    var revision: Int64
}

extension ResourceQuota.Spec: EmptyInitializable {}
extension ResourceQuota.Status: EmptyInitializable {}

extension ResourceQuota: SimObject {
    static let resource = ResourceType.resourceQuotas

    func validationErrors() -> [FieldError] {
        var errors = Self.validateName(metadata)
        for (name, value) in (spec.hard ?? [:]).sorted(by: { $0.key < $1.key }) where Quantity.value(value) == nil {
            errors.append(
                .invalid(
                    "spec.hard[\(name)]", value: value,
                    detail:
                        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"))
        }
        return errors
    }
}

extension LimitRange: SimObject {
    static let resource = ResourceType.limitRanges

    func validationErrors() -> [FieldError] {
        var errors = Self.validateName(metadata)
        for (index, item) in spec.limits.enumerated()
        where !["Container", "Pod", "PersistentVolumeClaim"].contains(item.type) {
            errors.append(
                FieldError(
                    reason: "FieldValueNotSupported",
                    message:
                        "Unsupported value: \"\(item.type)\": supported values: \"Container\", \"Pod\", \"PersistentVolumeClaim\"",
                    field: "spec.limits[\(index)].type"))
        }
        return errors
    }
}

extension PriorityClass: SimObject {
    static let resource = ResourceType.priorityClasses

    mutating func applyCreateDefaults() { preemptionPolicy = preemptionPolicy ?? "PreemptLowerPriority" }
}

extension ControllerRevision: SimObject {
    static let resource = ResourceType.controllerRevisions
}
