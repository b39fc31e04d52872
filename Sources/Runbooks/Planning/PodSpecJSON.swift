import ClusterModel

/// Reading pod specs out of raw objects: a Pod's own, a workload's template, a CronJob's job template.
enum PodSpecJSON {
    /// The path of the pod spec inside an object of `kind`.
    static func specPath(kind: String) -> [String] {
        switch kind {
        case "Pod": ["spec"]
        case "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"]
        default: ["spec", "template", "spec"]
        }
    }

    static func spec(of object: JSONValue, kind: String) -> JSONValue? { object[path: specPath(kind: kind)] }

    /// The names of the (regular) containers, in order.
    static func containerNames(of object: JSONValue, kind: String) -> [String] {
        (spec(of: object, kind: kind)?["containers"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    /// One container's JSON.
    static func container(_ name: String, of object: JSONValue, kind: String) -> JSONValue? {
        spec(of: object, kind: kind)?["containers"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    /// A quantity under `resources.{section}.{resource}` of a container, typed.
    static func quantity(_ container: JSONValue?, section: String, resource: String) -> ParameterValue? {
        guard let text = container?[path: ["resources", section, resource]]?.stringValue else { return nil }
        return ParameterValue(parsing: text, as: resource == "cpu" ? .cpu : .memory)
    }

    /// The QoS class pods of this spec get (requests default to limits when unset).
    static func qosClass(of spec: JSONValue?) -> String {
        let containers = (spec?["containers"]?.arrayValue ?? []) + (spec?["initContainers"]?.arrayValue ?? [])
        var anySet = false
        var guaranteed = !containers.isEmpty
        for container in containers {
            for resource in ["cpu", "memory"] {
                let limit = quantity(container, section: "limits", resource: resource)?.magnitude
                let request = quantity(container, section: "requests", resource: resource)?.magnitude ?? limit
                if limit != nil || request != nil { anySet = true }
                if limit == nil || request != limit { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
