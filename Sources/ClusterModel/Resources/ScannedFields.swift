import Foundation

/// `metadata` read by the fast path.
struct ScannedMeta {
    var name: String?
    var namespace: String?
    var uid: String?
    var resourceVersion: String?
    var generation: Int64?
    var creationTimestamp: Date?
    var deletionTimestamp: Date?
    var labels: [String: String] = [:]
    /// Read only when `keepsAnnotations` is set (workloads: the revision annotations).
    var annotations: [String: String] = [:]
    var keepsAnnotations = false
    var controller: OwnerRef?

    mutating func scan(_ s: inout JSONScanner) throws(JSONScanError) {
        try s.object { s, key throws(JSONScanError) in
            if key.is("name") {
                name = try s.string()
            } else if key.is("namespace") {
                namespace = try s.string()
            } else if key.is("uid") {
                uid = try s.string()
            } else if key.is("resourceVersion") {
                resourceVersion = try s.string()
            } else if key.is("generation") {
                generation = try s.int().map { Int64($0) }
            } else if key.is("creationTimestamp") {
                creationTimestamp = try s.time()
            } else if key.is("deletionTimestamp") {
                deletionTimestamp = try s.time()
            } else if key.is("labels") {
                labels = try s.stringMap()
            } else if keepsAnnotations, key.is("annotations") {
                annotations = try s.stringMap()
            } else if key.is("ownerReferences") {
                try s.array { s throws(JSONScanError) in
                    var kind = ""
                    var ownerName = ""
                    var isController = false
                    try s.object { s, key throws(JSONScanError) in
                        if key.is("kind") {
                            kind = try s.string() ?? ""
                        } else if key.is("name") {
                            ownerName = try s.string() ?? ""
                        } else if key.is("controller") {
                            isController = try s.bool() ?? false
                        } else {
                            try s.skipValue()
                        }
                    }
                    if isController, controller == nil { controller = OwnerRef(kind: kind, name: ownerName) }
                }
            } else {
                try s.skipValue()
            }
        }
    }
}

enum ScannedCondition {
    /// Reads a `conditions` array, keeping the first condition of each type in `types`. The text and time of the
    /// others are skipped without being decoded.
    static func scanList(_ s: inout JSONScanner, keeping types: Set<String>) throws(JSONScanError) -> [String:
        ConditionSummary]
    {
        var kept: [String: ConditionSummary] = [:]
        try s.array { s throws(JSONScanError) in
            if let (type, condition) = try scan(&s, keeping: types), kept[type] == nil { kept[type] = condition }
        }
        return kept
    }

    /// One condition's type and summary; nil when it has no type or its type is not kept.
    private static func scan(_ s: inout JSONScanner, keeping types: Set<String>) throws(JSONScanError) -> (
        String, ConditionSummary
    )? {
        var type: String?
        var status: JSONScanner.RawString?
        var reason: JSONScanner.RawString?
        var message: JSONScanner.RawString?
        var transition: JSONScanner.RawString?
        try s.object { s, key throws(JSONScanError) in
            if key.is("type") {
                type = try s.string()
            } else if key.is("status") {
                status = try s.rawString()
            } else if key.is("reason") {
                reason = try s.rawString()
            } else if key.is("message") {
                message = try s.rawString()
            } else if key.is("lastTransitionTime") {
                transition = try s.rawString()
            } else {
                try s.skipValue()
            }
        }
        guard let type, types.contains(type) else { return nil }
        var condition = ConditionSummary(status: .unknown)
        if let status { condition.status = ConditionStatus(rawValue: try s.string(status)) ?? .unknown }
        if let reason { condition.reason = try s.string(reason) }
        if let message { condition.message = try s.string(message) }
        if let transition { condition.lastTransitionTime = try s.parse(transition, KubeTime.parse(bytes:)) }
        return (type, condition)
    }
}

enum ScannedContainer {
    /// One container; `isTemplate` also reads its image and the names of its variables (workload templates).
    static func scan(_ s: inout JSONScanner, isTemplate: Bool = false) throws(JSONScanError) -> ContainerSpecSummary {
        var container = ContainerSpecSummary(name: "")
        try s.object { s, key throws(JSONScanError) in
            if key.is("name") {
                container.name = try s.string() ?? ""
            } else if isTemplate, key.is("image") {
                container.image = try s.string()
            } else if isTemplate, key.is("env") {
                try s.array { s throws(JSONScanError) in
                    try s.object { s, key throws(JSONScanError) in
                        guard key.is("name") else { return try s.skipValue() }
                        if let name = try s.string() { container.envNames.append(name) }
                    }
                }
            } else if key.is("resources") {
                container.resources = try scanResources(&s)
            } else {
                try s.skipValue()
            }
        }
        return container
    }

    /// A ResourceRequirements object: CPU and memory requests and limits.
    static func scanResources(_ s: inout JSONScanner) throws(JSONScanError) -> ContainerResources {
        var resources = ContainerResources()
        try s.object { s, key throws(JSONScanError) in
            if key.is("requests") {
                let (cpu, memory) = try scanResourceList(&s)
                resources.cpuRequestMillis = cpu
                resources.memoryRequestBytes = memory
            } else if key.is("limits") {
                let (cpu, memory) = try scanResourceList(&s)
                resources.cpuLimitMillis = cpu
                resources.memoryLimitBytes = memory
            } else {
                try s.skipValue()
            }
        }
        return resources
    }

    /// CPU in millicores and memory in bytes from a ResourceList.
    static func scanResourceList(_ s: inout JSONScanner) throws(JSONScanError) -> (Int64?, Int64?) {
        var cpu: Int64?
        var memory: Int64?
        try s.object { s, key throws(JSONScanError) in
            if key.is("cpu") {
                cpu = try s.quantity()
            } else if key.is("memory") {
                memory = try s.quantity().map { Quantity(milliValue: $0).bytes }
            } else {
                try s.skipValue()
            }
        }
        return (cpu, memory)
    }
}

enum ScannedTemplate {
    /// The containers of a pod template (`{"metadata":…,"spec":{"containers":[…]}}`), with images and variable names.
    static func scanContainers(_ s: inout JSONScanner) throws(JSONScanError) -> [ContainerSpecSummary] {
        var containers: [ContainerSpecSummary] = []
        try s.object { s, key throws(JSONScanError) in
            guard key.is("spec") else { return try s.skipValue() }
            try s.object { s, key throws(JSONScanError) in
                guard key.is("containers") else { return try s.skipValue() }
                try s.array { s throws(JSONScanError) in
                    containers.append(try ScannedContainer.scan(&s, isTemplate: true))
                }
            }
        }
        return containers
    }
}
