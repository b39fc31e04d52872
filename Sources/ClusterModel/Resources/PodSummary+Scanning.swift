import Foundation

extension PodSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(namespace: "", name: "", phase: "Unknown")
        var conditions: [String: ConditionSummary] = [:]
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
                generation = meta.generation ?? 1
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
                    } else if key.is("observedGeneration") {
                        observedGeneration = try s.int().map { Int64($0) }
                    } else if key.is("conditions") {
                        conditions = try ScannedCondition.scanList(&s, keeping: Self.keptConditions)
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
        ready = conditions["Ready"]
        scheduled = conditions["PodScheduled"]
        disruptionTarget = conditions["DisruptionTarget"]
        resizePending = conditions["PodResizePending"]
        resizeInProgress = conditions["PodResizeInProgress"]
    }

    /// The pod conditions the projection keeps.
    private static let keptConditions: Set<String> = [
        "Ready", "PodScheduled", "DisruptionTarget", "PodResizePending", "PodResizeInProgress",
    ]

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
            } else if key.is("resources") {
                status.resources = try ScannedContainer.scanResources(&s)
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
                    if key.is("reason") {
                        reason = try s.string()
                    } else if key.is("message") {
                        message = try s.string()
                    } else {
                        try s.skipValue()
                    }
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
