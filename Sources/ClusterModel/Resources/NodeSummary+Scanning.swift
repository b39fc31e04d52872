import Foundation

extension NodeSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        self.init(name: "")
        var conditions: [String: ConditionSummary] = [:]
        var sawName = false
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                var meta = ScannedMeta()
                try meta.scan(&s)
                sawName = meta.name != nil
                name = meta.name ?? ""
                uid = meta.uid ?? ""
                resourceVersion = meta.resourceVersion ?? ""
                createdAt = meta.creationTimestamp
            } else if key.is("spec") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("unschedulable") {
                        isUnschedulable = try s.bool() ?? false
                    } else if key.is("taints") {
                        try s.array { s throws(JSONScanError) in taints.append(try Self.scanTaint(&s)) }
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("status") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("allocatable") {
                        try s.object { s, key throws(JSONScanError) in
                            if key.is("cpu") {
                                allocatableCPUMillis = try s.quantity()
                            } else if key.is("memory") {
                                allocatableMemoryBytes = try s.quantity().map { Quantity(milliValue: $0).bytes }
                            } else if key.is("pods") {
                                allocatablePods = try s.quantity().map { $0 / 1000 }
                            } else {
                                try s.skipValue()
                            }
                        }
                    } else if key.is("conditions") {
                        conditions = try ScannedCondition.scanList(&s, keeping: Self.keptConditions)
                    } else if key.is("nodeInfo") {
                        try s.object { s, key throws(JSONScanError) in
                            if key.is("kubeletVersion") { kubeletVersion = try s.string() } else { try s.skipValue() }
                        }
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard sawName else { throw s.error("node without metadata.name") }
        ready = conditions["Ready"]
        memoryPressure = conditions["MemoryPressure"]
        diskPressure = conditions["DiskPressure"]
        pidPressure = conditions["PIDPressure"]
    }

    /// The node conditions the projection keeps.
    private static let keptConditions: Set<String> = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"]

    private static func scanTaint(_ s: inout JSONScanner) throws(JSONScanError) -> Taint {
        var taint = Taint(key: "", effect: "")
        try s.object { s, key throws(JSONScanError) in
            if key.is("key") {
                taint.key = try s.string() ?? ""
            } else if key.is("value") {
                taint.value = try s.string()
            } else if key.is("effect") {
                taint.effect = try s.string() ?? ""
            } else {
                try s.skipValue()
            }
        }
        return taint
    }
}
