/// Server-side `meta.k8s.io/v1 Table` output, the form `kubectl get` asks for.
enum TableRendering {
    struct Column: Encodable {
        let name: String
        let type: String
        let format: String
        let description: String
        let priority: Int
    }
    enum Cell: Encodable {
        case text(String)
        case number(Int)
        case bool(Bool)
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            }
        }
    }
    struct PartialObjectMetadata: Encodable {
        let kind = "PartialObjectMetadata"
        let apiVersion = "meta.k8s.io/v1"
        let metadata: ObjectMeta
    }
    struct Row: Encodable {
        let cells: [Cell]
        let object: PartialObjectMetadata
    }
    struct ListMeta: Encodable {
        let resourceVersion: String
        let `continue`: String?
        let remainingItemCount: Int?
    }
    struct Table: Encodable {
        let kind = "Table"
        let apiVersion = "meta.k8s.io/v1"
        let metadata: ListMeta
        let columnDefinitions: [Column]?
        let rows: [Row]
    }

    static func table(
        resource: ResourceType, rows: [StoredObject], now: Timestamp, resourceVersion: Int64,
        continueToken: String?, remaining: Int? = nil, includeColumns: Bool = true
    ) -> [UInt8] {
        let table = Table(
            metadata: ListMeta(
                resourceVersion: String(resourceVersion), continue: continueToken, remainingItemCount: remaining),
            columnDefinitions: includeColumns ? columns(resource) : nil,
            rows: rows.map {
                Row(cells: cells($0.object, now: now), object: PartialObjectMetadata(metadata: $0.metadata))
            })
        return ObjectRendering.encode(table)
    }

    static func columns(_ resource: ResourceType) -> [Column] {
        func c(_ name: String, _ priority: Int = 0, type: String = "string", format: String = "") -> Column {
            Column(name: name, type: type, format: format, description: "", priority: priority)
        }
        switch resource {
        case .pods:
            return [
                c("Name", format: "name"), c("Ready"), c("Status"), c("Restarts"), c("Age"), c("IP", 1), c("Node", 1),
                c("Nominated Node", 1), c("Readiness Gates", 1),
            ]
        case .nodes:
            return [
                c("Name", format: "name"), c("Status"), c("Roles"), c("Age"), c("Version"), c("Internal-IP", 1),
                c("External-IP", 1),
                c("OS-Image", 1), c("Kernel-Version", 1), c("Container-Runtime", 1),
            ]
        case .events, .eventsV1:
            return [
                c("Last Seen"), c("Type"), c("Reason"), c("Object"), c("Subobject", 1), c("Source", 1), c("Message"),
                c("First Seen", 1), c("Count", 1), c("Name", 1, format: "name"),
            ]
        case .deployments:
            return [
                c("Name", format: "name"), c("Ready"), c("Up-to-date", type: "integer"),
                c("Available", type: "integer"), c("Age"),
                c("Containers", 1), c("Images", 1), c("Selector", 1),
            ]
        case .namespaces:
            return [c("Name", format: "name"), c("Status"), c("Age")]
        case .configMaps:
            return [c("Name", format: "name"), c("Data", type: "integer"), c("Age")]
        case .secrets:
            return [c("Name", format: "name"), c("Type"), c("Data", type: "integer"), c("Age")]
        case .resourceQuotas:
            return [c("Name", format: "name"), c("Age"), c("Request"), c("Limit")]
        case .controllerRevisions:
            return [c("Name", format: "name"), c("Controller"), c("Revision", type: "integer"), c("Age")]
        case .priorityClasses:
            return [
                c("Name", format: "name"), c("Value", type: "integer"), c("Global-Default", type: "boolean"),
                c("Age"), c("PreemptionPolicy"),
            ]
        case .jobs:
            return [
                c("Name", format: "name"), c("Status"), c("Completions"), c("Duration"), c("Age"), c("Containers", 1),
                c("Images", 1), c("Selector", 1),
            ]
        case .cronJobs:
            return [
                c("Name", format: "name"), c("Schedule"), c("Timezone"), c("Suspend", type: "boolean"),
                c("Active", type: "integer"), c("Last Schedule"), c("Age"), c("Containers", 1), c("Images", 1),
                c("Selector", 1),
            ]
        default:
            return [c("Name", format: "name"), c("Created At", type: "date")]
        }
    }

    static func cells(_ object: any SimObject, now: Timestamp) -> [Cell] {
        let name = Cell.text(object.metadata.name ?? "")
        let created = Cell.text(age(of: object.metadata.creationTimestamp, now: now))
        switch object {
        case let pod as Pod:
            let statuses = pod.status.containerStatuses ?? []
            let ready = statuses.filter(\.ready).count
            let restarts = statuses.reduce(0) { $0 + Int($1.restartCount) }
            let lastRestart = statuses.compactMap { $0.lastState.terminated?.finishedAt }.max()
            let restartText = lastRestart.map { "\(restarts) (\(age(of: $0, now: now)) ago)" } ?? "\(restarts)"
            return [
                name, .text("\(ready)/\(pod.spec.containers.count)"), .text(PodPhaseText.display(pod)),
                .text(restartText), created,
                .text(pod.status.podIP ?? "<none>"), .text(pod.spec.nodeName ?? "<none>"), .text("<none>"),
                .text("<none>"),
            ]
        case let node as Node:
            var status =
                node.isReady ? "Ready" : (node.condition("Ready")?.status == "Unknown" ? "NotReady" : "NotReady")
            if node.spec.unschedulable == true { status += ",SchedulingDisabled" }
            let roles = (node.metadata.labels ?? [:]).keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }
                .map { String($0.dropFirst("node-role.kubernetes.io/".count)) }.sorted()
            let internalIP = node.status.addresses.first { $0.type == "InternalIP" }?.address ?? "<none>"
            let info = node.status.nodeInfo
            return [
                name, .text(status), .text(roles.isEmpty ? "<none>" : roles.joined(separator: ",")), created,
                .text(info.kubeletVersion),
                .text(internalIP), .text("<none>"), .text(info.osImage), .text(info.kernelVersion),
                .text(info.containerRuntimeVersion),
            ]
        case let event as Event:
            let involved = event.involvedObject
            let object = "\((involved.kind ?? "").lowercased())/\(involved.name ?? "")"
            let source = [event.source?.component, event.source?.host].compactMap { $0 }.joined(separator: ", ")
            return [
                .text(TableRendering.age(of: event.lastTimestamp ?? event.metadata.creationTimestamp, now: now)),
                .text(event.type ?? ""),
                .text(event.reason ?? ""), .text(object), .text(involved.fieldPath ?? ""), .text(source),
                .text(event.message ?? ""),
                .text(TableRendering.age(of: event.firstTimestamp, now: now)), .number(Int(event.count ?? 1)), name,
            ]
        case let deployment as Deployment:
            let containers = deployment.spec.template.spec.containers
            return [
                name, .text("\(deployment.status.readyReplicas ?? 0)/\(deployment.spec.replicas ?? 1)"),
                .number(Int(deployment.status.updatedReplicas ?? 0)),
                .number(Int(deployment.status.availableReplicas ?? 0)), created,
                .text(containers.map(\.name).joined(separator: ",")),
                .text(containers.compactMap(\.image).joined(separator: ",")),
                .text(deployment.spec.selector.text),
            ]
        case let namespace as Namespace:
            return [name, .text(namespace.status.phase ?? "Active"), created]
        default:
            return objectCells(object, name: name, created: created, now: now)
                ?? [name, .text(object.metadata.creationTimestamp?.rfc3339 ?? "")]
        }
    }

    /// kubectl's short human duration (`45s`, `3m2s`, `5h`, `2d3h`).
    static func age(of time: Timestamp?, now: Timestamp) -> String {
        guard let time else { return "<unknown>" }
        let seconds = max(0, now.seconds - time.seconds)
        let minutes = seconds / 60
        let hours = seconds / 3600
        let days = hours / 24
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s"
        case ..<(3 * 3600): return "\(minutes)m"
        case ..<(8 * 3600): return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m"
        case ..<(48 * 3600): return "\(hours)h"
        case ..<(8 * 86_400): return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h"
        default: return days < 365 * 2 ? "\(days)d" : "\(days / 365)y"
        }
    }
}

/// The STATUS column of `kubectl get pods`, as kubectl's printer computes it.
enum PodPhaseText {
    static func display(_ pod: Pod) -> String {
        var reason = pod.status.reason ?? pod.status.phase ?? "Pending"
        var hasRunning = false
        for status in (pod.status.containerStatuses ?? []).reversed() {
            if let waiting = status.state.waiting?.reason, !waiting.isEmpty {
                reason = waiting
            } else if let terminated = status.state.terminated {
                reason = terminated.reason ?? "ExitCode:\(terminated.exitCode)"
            } else if status.ready, status.state.running != nil {
                hasRunning = true
            }
        }
        if reason == "Completed", hasRunning { reason = "Running" }
        if pod.metadata.deletionTimestamp != nil {
            reason = pod.status.reason == "NodeLost" ? "Unknown" : "Terminating"
        }
        return reason
    }
}
