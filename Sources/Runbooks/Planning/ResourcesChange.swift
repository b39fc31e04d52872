import ClusterModel

/// A change to one container's requests and limits: the new values, the old ones, and the patches both ways.
struct ResourcesChange: Sendable, Hashable {
    /// `(section, resource)`: `("limits", "memory")`.
    struct Field: Sendable, Hashable {
        var section: String
        var resource: String

        static let all = [
            Field(section: "limits", resource: "memory"), Field(section: "requests", resource: "memory"),
            Field(section: "limits", resource: "cpu"), Field(section: "requests", resource: "cpu"),
        ]

        /// The step field that sets it: `memory_limit`.
        var stepField: String { "\(resource)_\(section == "limits" ? "limit" : "request")" }
    }

    var container: String
    /// The new value of every field that changes.
    var new: [Field: ParameterValue]
    /// The current value of those fields (nil when unset).
    var old: [Field: ParameterValue?]

    /// Reads the fields a step sets and, with `keepQoS` on a Guaranteed spec, raises the matching request with a
    /// limit so the class stays Guaranteed.
    static func make(
        step: StepSpec, container: String, containerJSON: JSONValue, qosClass: String, scope: TemplateScope
    ) throws(RunbooksError) -> (ResourcesChange, notes: [String]) {
        var new: [Field: ParameterValue] = [:]
        for field in Field.all {
            guard let template = step.fields[field.stepField]?.template else { continue }
            new[field] = try scope.evaluate(template, as: field.resource == "cpu" ? .cpu : .memory)
        }
        var notes: [String] = []
        let keepQoS = step.fields["keep_qos"].map { $0 != .literal(.bool(false)) } ?? true
        if keepQoS, qosClass == "Guaranteed" {
            for resource in ["memory", "cpu"] {
                let limit = Field(section: "limits", resource: resource)
                let request = Field(section: "requests", resource: resource)
                if let value = new[limit], new[request] == nil {
                    new[request] = value
                    notes.append(
                        "the pod is Guaranteed: its \(resource) request rises with the limit to keep its QoS class")
                }
            }
        }
        var old: [Field: ParameterValue?] = [:]
        for field in new.keys {
            old[field] = PodSpecJSON.quantity(containerJSON, section: field.section, resource: field.resource)
        }
        return (ResourcesChange(container: container, new: new, old: old), notes)
    }

    /// `{"limits":{"memory":"255Mi"},"requests":{…}}` with the new values (or the old ones, null when unset).
    func resourcesJSON(restoring: Bool = false) -> JSONValue {
        var json = JSONValue.object([:])
        for (field, value) in new {
            let written: JSONValue =
                restoring
                ? (old[field].flatMap { $0 }.map { .string($0.description) } ?? .null) : .string(value.description)
            json = json.setting(path: [field.section, field.resource], written)
        }
        return json
    }

    /// Whether restoring would have to remove a field (resize cannot remove requests or limits).
    var restoringRemovesAField: Bool { old.values.contains { $0 == nil } }

    /// `containers[coredns] limits.memory: 170Mi → 255Mi`, one line per field.
    var expectations: [String] {
        Field.all.compactMap { field in
            guard let value = new[field] else { return nil }
            let before = old[field].flatMap { $0 }?.description ?? "unset"
            return "containers[\(container)] \(field.section).\(field.resource): \(before) → \(value)"
        }
    }

    /// The container's resources after the change (the old ones with the new values over them).
    func expected(from containerJSON: JSONValue) -> ContainerResources {
        func value(_ field: Field) -> ParameterValue? {
            new[field] ?? PodSpecJSON.quantity(containerJSON, section: field.section, resource: field.resource)
        }
        func bytes(_ field: Field) -> Int64? {
            if case .memory(let bytes, _) = value(field) { return bytes }
            return nil
        }
        func millis(_ field: Field) -> Int64? {
            if case .cpu(let millis, _) = value(field) { return millis }
            return nil
        }
        return ContainerResources(
            cpuRequestMillis: millis(Field(section: "requests", resource: "cpu")),
            cpuLimitMillis: millis(Field(section: "limits", resource: "cpu")),
            memoryRequestBytes: bytes(Field(section: "requests", resource: "memory")),
            memoryLimitBytes: bytes(Field(section: "limits", resource: "memory")))
    }

    /// The strategic-merge patch of a workload's pod template as `kubectl set resources` sends it:
    /// `$setElementOrder/containers` lists every container in order, `containers` only the changed one.
    static func templatePatch(containerNames: [String], container: String, resources: JSONValue) -> JSONValue {
        let order = JSONValue.array(containerNames.map { ["name": .string($0)] })
        let changed: JSONValue = ["name": .string(container), "resources": resources]
        return [
            "spec": [
                "template": [
                    "spec": ["$setElementOrder/containers": order, "containers": .array([changed])]
                ]
            ]
        ]
    }
}
