/// A stored API object: typed, codable, and able to answer field selectors and validation.
protocol SimObject: Codable, Sendable {
    static var resource: ResourceType { get }
    var metadata: ObjectMeta { get set }
    /// The value of a field selector path other than `metadata.name`/`metadata.namespace`, or nil when unsupported.
    func fieldValue(_ path: String) -> String?
    /// Field errors a real API server's validation would report (they become a 422 Invalid Status).
    func validationErrors() -> [FieldError]
    /// Fills in what the API server's defaulting and admission add on create.
    mutating func applyCreateDefaults()
}

/// One cause of a 422 Invalid response.
struct FieldError: Sendable, Equatable {
    let reason: String
    let message: String
    let field: String

    static func required(_ field: String) -> FieldError {
        FieldError(reason: "FieldValueRequired", message: "Required value", field: field)
    }
    static func invalid(_ field: String, value: String, detail: String) -> FieldError {
        FieldError(reason: "FieldValueInvalid", message: "Invalid value: \"\(value)\": \(detail)", field: field)
    }
}

extension SimObject {
    func fieldValue(_ path: String) -> String? { nil }
    mutating func applyCreateDefaults() {}
    func validationErrors() -> [FieldError] { Self.validateName(metadata) }

    static func validateName(_ metadata: ObjectMeta) -> [FieldError] {
        guard let name = metadata.name, !name.isEmpty else { return [.required("metadata.name")] }
        if !DNSName.isSubdomain(name) {
            return [.invalid("metadata.name", value: name, detail: DNSName.subdomainMessage)]
        }
        return []
    }

    /// `namespace/name`, or `name` for cluster-scoped objects.
    var storeKey: String { StoreKey.make(namespace: metadata.namespace, name: metadata.name ?? "") }
}

enum StoreKey {
    static func make(namespace: String?, name: String) -> String {
        guard let namespace, !namespace.isEmpty else { return name }
        return namespace + "/" + name
    }
}

/// RFC 1123 name rules as the API server applies them.
enum DNSName {
    static let subdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    static func isSubdomain(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
            return alnum(first) && alnum(last) && bytes.allSatisfy { alnum($0) || $0 == 45 }
        }
    }
}

extension Pod: SimObject {
    static let resource = ResourceType.pods

    mutating func applyCreateDefaults() { spec.applyAdmissionDefaults() }

    func fieldValue(_ path: String) -> String? {
        switch path {
        case "spec.nodeName": spec.nodeName ?? ""
        case "status.phase": status.phase ?? ""
        case "spec.restartPolicy": spec.restartPolicy ?? ""
        case "spec.schedulerName": spec.schedulerName ?? ""
        case "spec.serviceAccountName": spec.serviceAccountName ?? ""
        case "status.podIP": status.podIP ?? ""
        default: nil
        }
    }

    func validationErrors() -> [FieldError] {
        var errors = Self.validateName(metadata)
        if spec.containers.isEmpty { errors.append(.required("spec.containers")) }
        for (index, container) in spec.containers.enumerated() {
            let resources = container.resources
            if let request = resources?.memoryRequestBytes, let limit = resources?.memoryLimitBytes, request > limit {
                errors.append(
                    .invalid(
                        "spec.containers[\(index)].resources.requests", value: resources?.requests?["memory"] ?? "",
                        detail: "must be less than or equal to memory limit of \(resources?.limits?["memory"] ?? "")"))
            }
            if let request = resources?.cpuRequestMillis, let limit = resources?.cpuLimitMillis, request > limit {
                errors.append(
                    .invalid(
                        "spec.containers[\(index)].resources.requests", value: resources?.requests?["cpu"] ?? "",
                        detail: "must be less than or equal to cpu limit of \(resources?.limits?["cpu"] ?? "")"))
            }
        }
        return errors
    }
}

extension Node: SimObject {
    static let resource = ResourceType.nodes
    func fieldValue(_ path: String) -> String? {
        path == "spec.unschedulable" ? String(spec.unschedulable ?? false) : nil
    }
}

extension Namespace: SimObject { static let resource = ResourceType.namespaces }
extension ReplicaSet: SimObject { static let resource = ResourceType.replicaSets }
extension DaemonSet: SimObject { static let resource = ResourceType.daemonSets }
extension StatefulSet: SimObject { static let resource = ResourceType.statefulSets }
extension Job: SimObject { static let resource = ResourceType.jobs }
extension CronJob: SimObject { static let resource = ResourceType.cronJobs }
extension PodDisruptionBudget: SimObject { static let resource = ResourceType.podDisruptionBudgets }

extension Deployment: SimObject {
    static let resource = ResourceType.deployments

    func validationErrors() -> [FieldError] {
        var errors = Self.validateName(metadata)
        if let replicas = spec.replicas, replicas < 0 {
            errors.append(.invalid("spec.replicas", value: "\(replicas)", detail: "must be greater than or equal to 0"))
        }
        if !spec.selector.matches(spec.template.metadata?.labels) {
            errors.append(
                .invalid(
                    "spec.template.metadata.labels", value: (spec.template.metadata?.labels ?? [:]).description,
                    detail: "`selector` does not match template `labels`"))
        }
        let template = Pod(metadata: ObjectMeta(name: "template"), spec: spec.template.spec)
        errors += template.validationErrors().filter { $0.field != "metadata.name" }.map {
            FieldError(reason: $0.reason, message: $0.message, field: "spec.template." + $0.field)
        }
        return errors
    }
}

extension Event: SimObject {
    static let resource = ResourceType.events

    func fieldValue(_ path: String) -> String? {
        switch path {
        case "involvedObject.kind": involvedObject.kind ?? ""
        case "involvedObject.namespace": involvedObject.namespace ?? ""
        case "involvedObject.name": involvedObject.name ?? ""
        case "involvedObject.uid": involvedObject.uid ?? ""
        case "involvedObject.apiVersion": involvedObject.apiVersion ?? ""
        case "involvedObject.resourceVersion": involvedObject.resourceVersion ?? ""
        case "involvedObject.fieldPath": involvedObject.fieldPath ?? ""
        case "reason": reason ?? ""
        case "type": type ?? ""
        case "source": source?.component ?? ""
        case "reportingComponent": reportingComponent ?? ""
        default: nil
        }
    }
}
