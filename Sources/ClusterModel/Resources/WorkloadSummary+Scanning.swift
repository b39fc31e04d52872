import Foundation

extension WorkloadSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        var meta = ScannedMeta()
        var kind: String?
        var replicas: Int?
        var paused: Bool?
        var containers: [ContainerSpecSummary] = []
        var status: [String: Int] = [:]
        var observedGeneration: Int?
        try s.object { s, key throws(JSONScanError) in
            if key.is("metadata") {
                try meta.scan(&s)
            } else if key.is("kind") {
                kind = try s.string()
            } else if key.is("spec") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("replicas") {
                        replicas = try s.int()
                    } else if key.is("paused") {
                        paused = try s.bool()
                    } else if key.is("template") {
                        try s.object { s, key throws(JSONScanError) in
                            guard key.is("spec") else { return try s.skipValue() }
                            try s.object { s, key throws(JSONScanError) in
                                guard key.is("containers") else { return try s.skipValue() }
                                try s.array { s throws(JSONScanError) in
                                    containers.append(try ScannedContainer.scan(&s))
                                }
                            }
                        }
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("status") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("observedGeneration") {
                        observedGeneration = try s.int()
                    } else if let field = Self.statusFields.first(where: { key.is($0) }) {
                        status[field.description] = try s.int()
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard let name = meta.name else { throw s.error("workload without metadata.name") }
        let resolvedKind = kind ?? resource.kind
        let isDaemonSet = resolvedKind == "DaemonSet"
        self.init(
            kind: resolvedKind, namespace: meta.namespace ?? "", name: name, uid: meta.uid ?? "",
            resourceVersion: meta.resourceVersion ?? "",
            desiredReplicas: isDaemonSet ? status["desiredNumberScheduled"] ?? 0 : replicas ?? 1,
            readyReplicas: status["readyReplicas"] ?? status["numberReady"] ?? 0,
            availableReplicas: status["availableReplicas"] ?? status["numberAvailable"] ?? 0,
            updatedReplicas: status["updatedReplicas"] ?? status["updatedNumberScheduled"] ?? 0,
            generation: meta.generation ?? 0, observedGeneration: Int64(observedGeneration ?? 0),
            isPaused: paused ?? false, controller: meta.controller, templateContainers: containers,
            createdAt: meta.creationTimestamp)
    }

    private static let statusFields: [StaticString] = [
        "readyReplicas", "availableReplicas", "updatedReplicas", "desiredNumberScheduled", "numberReady",
        "numberAvailable", "updatedNumberScheduled",
    ]
}
