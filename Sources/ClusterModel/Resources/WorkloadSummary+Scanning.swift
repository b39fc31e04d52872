import Foundation

extension WorkloadSummary: ScannableObject {
    init(scanning s: inout JSONScanner, resource: ResourceKind) throws(JSONScanError) {
        var meta = ScannedMeta()
        meta.keepsAnnotations = true
        var kind: String?
        var replicas: Int?
        var paused: Bool?
        var containers: [ContainerSpecSummary] = []
        var status: [String: Int] = [:]
        var observedGeneration: Int?
        var progressing: ConditionSummary?
        var currentRevision: String?
        var updateRevision: String?
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
                        containers = try ScannedTemplate.scanContainers(&s)
                    } else {
                        try s.skipValue()
                    }
                }
            } else if key.is("status") {
                try s.object { s, key throws(JSONScanError) in
                    if key.is("observedGeneration") {
                        observedGeneration = try s.int()
                    } else if key.is("conditions") {
                        progressing = try ScannedCondition.scanList(&s, keeping: ["Progressing"])["Progressing"]
                    } else if key.is("currentRevision") {
                        currentRevision = try s.string()
                    } else if key.is("updateRevision") {
                        updateRevision = try s.string()
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
            createdAt: meta.creationTimestamp,
            replicas: status["replicas"] ?? status["currentNumberScheduled"] ?? 0,
            revision: meta.annotations[Self.revisionAnnotation].flatMap { Int($0) },
            deploymentReplicas: meta.annotations[Self.desiredReplicasAnnotation].flatMap { Int($0) },
            progressing: progressing, currentRevision: currentRevision, updateRevision: updateRevision)
    }

    private static let statusFields: [StaticString] = [
        "replicas", "readyReplicas", "availableReplicas", "updatedReplicas", "desiredNumberScheduled",
        "currentNumberScheduled", "numberReady", "numberAvailable", "updatedNumberScheduled",
    ]
}
