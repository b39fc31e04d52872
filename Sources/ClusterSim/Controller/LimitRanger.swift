/// The LimitRanger admission plugin for pods: container defaults from a LimitRange, then its min and max bounds.
enum LimitRanger {
    static let annotation = "kubernetes.io/limit-ranger"

    /// Fills unset container requests and limits from `range`'s Container item and refuses what its bounds forbid.
    static func apply(_ range: LimitRange, to pod: inout Pod) throws(APIError) {
        let name = pod.metadata.name ?? ""
        var notes: [String] = []
        for item in range.spec.limits where item.type == "Container" {
            for index in pod.spec.containers.indices {
                var resources = pod.spec.containers[index].resources ?? ResourceRequirements()
                let containerName = pod.spec.containers[index].name
                var limits = resources.limits ?? [:]
                var requests = resources.requests ?? [:]
                var setLimits: [String] = []
                var setRequests: [String] = []
                for (resource, value) in (item.default ?? [:]).sorted(by: { $0.key < $1.key })
                where limits[resource] == nil {
                    limits[resource] = value
                    setLimits.append(resource)
                }
                for (resource, value) in (item.defaultRequest ?? item.default ?? [:]).sorted(by: { $0.key < $1.key })
                where requests[resource] == nil {
                    requests[resource] = value
                    setRequests.append(resource)
                }
                if !setRequests.isEmpty {
                    notes.append("\(setRequests.joined(separator: ", ")) request for container \(containerName)")
                }
                if !setLimits.isEmpty {
                    notes.append("\(setLimits.joined(separator: ", ")) limit for container \(containerName)")
                }
                resources.limits = limits.isEmpty ? nil : limits
                resources.requests = requests.isEmpty ? nil : requests
                pod.spec.containers[index].resources = resources
                try check(item, limits: limits, requests: requests, pod: name)
            }
        }
        if !notes.isEmpty {
            pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging([
                annotation: "LimitRanger plugin set: " + notes.joined(separator: "; ")
            ]) { $1 }
        }
    }

    private static func check(
        _ item: LimitRange.Item, limits: [String: String], requests: [String: String], pod: String
    ) throws(APIError) {
        for (resource, bound) in (item.max ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let maximum = Quantity.value(bound) else { continue }
            guard let limit = limits[resource] else {
                throw .forbiddenPod(pod, "maximum \(resource) usage per Container is \(bound).  No limit is specified")
            }
            if let value = Quantity.value(limit), value > maximum {
                throw .forbiddenPod(
                    pod, "maximum \(resource) usage per Container is \(bound), but limit is \(limit)")
            }
        }
        for (resource, bound) in (item.min ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let minimum = Quantity.value(bound) else { continue }
            guard let request = requests[resource] else {
                throw .forbiddenPod(
                    pod, "minimum \(resource) usage per Container is \(bound).  No request is specified")
            }
            if let value = Quantity.value(request), value < minimum {
                throw .forbiddenPod(
                    pod, "minimum \(resource) usage per Container is \(bound), but request is \(request)")
            }
        }
    }
}
