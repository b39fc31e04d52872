import Foundation

extension PodSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(namespace: "", name: "", phase: "Unknown")
        var conditions: [(String, ConditionSummary)] = []
        var sawName = false
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                var meta = ScannedMeta()
                try meta.scan(&s)
                sawName = meta.name != nil
                name = meta.name ?? ""
                namespace = meta.namespace ?? ""
                uid = meta.uid ?? ""
                resourceVersion = meta.resourceVersion ?? ""
                createdAt = meta.creationTimestamp
                deletionTimestamp = meta.deletionTimestamp
                labels = meta.labels
                controller = meta.controller
            } else if key.is("spec") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("nodeName") {
                        nodeName = try s.string()
                    } else if key.is("containers") {
                        try s.array { s throws(JSONScanError) in containers.append(try ScannedContainer.scan(&s)) }
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("status") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("phase") {
                        phase = try s.string() ?? "Unknown"
                    } else if key.is("reason") {
                        reason = try s.string()
                    } else if key.is("message") {
                        message = try s.string()
                    } else if key.is("qosClass") {
                        qosClass = try s.string()
                    } else if key.is("conditions") {
                        try s.array { s throws(JSONScanError) in
                            if let condition = try ScannedCondition.scan(&s, wanted: Self.keepsCondition) { conditions.append(condition) }
                        }
                    } else if key.is("containerStatuses") {
                        try s.array { s throws(JSONScanError) in containerStatuses.append(try Self.scanStatus(&s)) }
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard sawName else { throw s.error("pod without metadata.name") }
        for (type, condition) in conditions {
            switch type {
            case "Ready": if ready == nil { ready = condition }
            case "PodScheduled": if scheduled == nil { scheduled = condition }
            case "DisruptionTarget": if disruptionTarget == nil { disruptionTarget = condition }
            default: break
            }
        }
    }

    /// The pod conditions the projection keeps.
    private static func keepsCondition(_ type: String) -> Bool {
        type == "Ready" || type == "PodScheduled" || type == "DisruptionTarget"
    }

    private static func scanStatus(_ s: inout JSONScanner) throws(JSONScanError) -> ContainerStatusSummary {
        var status = ContainerStatusSummary(name: "", ready: false, restartCount: 0, state: .none, lastState: .none)
        try s.object { s, key throws(JSONScanError) in
            if key.is("name") {
                status.name = try s.string() ?? ""
            } else if key.is("ready") {
                status.ready = try s.bool() ?? false
            } else if key.is("restartCount") {
                status.restartCount = try s.int() ?? 0
            } else if key.is("state") {
                status.state = try scanState(&s)
            } else if key.is("lastState") {
                status.lastState = try scanState(&s)
            } else {
                try s.skipValue()
            }
        }
        return status
    }

    private static func scanState(_ s: inout JSONScanner) throws(JSONScanError) -> ContainerState {
        var waiting: ContainerState?
        var running: ContainerState?
        var terminated: ContainerState?
        try s.object { s, key throws(JSONScanError) in
            if key.is("waiting") {
                var reason: String?
                var message: String?
                try s.object { s, key throws(JSONScanError) in
                    if key.is("reason") { reason = try s.string() } else if key.is("message") { message = try s.string() } else { try s.skipValue() }
                }
                waiting = .waiting(reason: reason, message: message)
            } else if key.is("running") {
                var started: Date?
                try s.object { s, key throws(JSONScanError) in
                    if key.is("startedAt") { started = try s.time() } else { try s.skipValue() }
                }
                running = .running(startedAt: started)
            } else if key.is("terminated") {
                var t = Termination(reason: nil, exitCode: 0)
                try s.object { s, key throws(JSONScanError) in
                    if key.is("exitCode") {
                        t.exitCode = Int32(truncatingIfNeeded: try s.int() ?? 0)
                    } else if key.is("reason") {
                        t.reason = try s.string()
                    } else if key.is("message") {
                        t.message = try s.string()
                    } else if key.is("startedAt") {
                        t.startedAt = try s.time()
                    } else if key.is("finishedAt") {
                        t.finishedAt = try s.time()
                    } else {
                        try s.skipValue()
                    }
                }
                terminated = .terminated(t)
            } else {
                try s.skipValue()
            }
        }
        return terminated ?? waiting ?? running ?? ContainerState.none
    }
}

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
    /// A condition's type and summary; nil when it has no type or `wanted` rejects the type. The text and time of
    /// unwanted conditions are skipped without being decoded.
    static func scan(_ s: inout JSONScanner, wanted: (String) -> Bool = { _ in true }) throws(JSONScanError) -> (String, ConditionSummary)? {
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
        guard let type, wanted(type) else { return nil }
        var condition = ConditionSummary(status: .unknown)
        if let status { condition.status = ConditionStatus(rawValue: try s.string(status)) ?? .unknown }
        if let reason { condition.reason = try s.string(reason) }
        if let message { condition.message = try s.string(message) }
        if let transition { condition.lastTransitionTime = try s.parse(transition, KubeTime.parse(bytes:)) }
        return (type, condition)
    }
}

enum ScannedContainer {
    static func scan(_ s: inout JSONScanner) throws(JSONScanError) -> ContainerSpecSummary {
        var container = ContainerSpecSummary(name: "")
        try s.object { s, key throws(JSONScanError) in
            if key.is("name") {
                container.name = try s.string() ?? ""
            } else if key.is("resources") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("requests") {
                        let (cpu, memory) = try scanResourceList(&s)
                        container.resources.cpuRequestMillis = cpu
                        container.resources.memoryRequestBytes = memory
                    } else if key.is("limits") {
                        let (cpu, memory) = try scanResourceList(&s)
                        container.resources.cpuLimitMillis = cpu
                        container.resources.memoryLimitBytes = memory
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        return container
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
