/// Table cells for the configuration, policy and batch objects, as kube-apiserver's printers fill them.
extension TableRendering {
    static func objectCells(_ object: any SimObject, name: Cell, created: Cell, now: Timestamp) -> [Cell]? {
        switch object {
        case let configMap as ConfigMap:
            return [name, .number((configMap.data?.count ?? 0) + (configMap.binaryData?.count ?? 0)), created]
        case let secret as Secret:
            return [name, .text(secret.type ?? "Opaque"), .number(secret.data?.count ?? 0), created]
        case let quota as ResourceQuota:
            let hard = quota.status.hard ?? quota.spec.hard ?? [:]
            let used = quota.status.used ?? [:]
            func column(_ wanted: (String) -> Bool) -> Cell {
                .text(
                    hard.keys.filter(wanted).sorted().map { "\($0): \(used[$0] ?? "0")/\(hard[$0] ?? "")" }
                        .joined(separator: ", "))
            }
            return [name, created, column { !$0.hasPrefix("limits.") }, column { $0.hasPrefix("limits.") }]
        case let revision as ControllerRevision:
            let owner = revision.metadata.controller.map { "\($0.kind.lowercased()).apps/\($0.name)" } ?? "<none>"
            return [name, .text(owner), .number(Int(revision.revision)), created]
        case let priorityClass as PriorityClass:
            return [
                name, .number(Int(priorityClass.value)), .bool(priorityClass.globalDefault ?? false), created,
                .text(priorityClass.preemptionPolicy ?? "PreemptLowerPriority"),
            ]
        case let job as Job:
            let containers = job.spec.template.spec.containers
            let finished = (job.status.succeeded ?? 0) >= (job.spec.completions ?? 1)
            let duration = job.status.startTime.map { age(of: $0, now: now) } ?? ""
            return [
                name, .text(finished ? "Complete" : "Running"),
                .text("\(job.status.succeeded ?? 0)/\(job.spec.completions ?? 1)"), .text(duration), created,
                .text(containers.map(\.name).joined(separator: ",")),
                .text(containers.compactMap(\.image).joined(separator: ",")),
                .text("batch.kubernetes.io/controller-uid=\(job.metadata.uid ?? "")"),
            ]
        case let cronJob as CronJob:
            let containers = cronJob.spec.jobTemplate.spec.template.spec.containers
            return [
                name, .text(cronJob.spec.schedule), .text("<none>"), .bool(cronJob.spec.suspend ?? false),
                .number(cronJob.status.active?.count ?? 0),
                .text(cronJob.status.lastScheduleTime.map { age(of: $0, now: now) } ?? "<none>"), created,
                .text(containers.map(\.name).joined(separator: ",")),
                .text(containers.compactMap(\.image).joined(separator: ",")), .text("<none>"),
            ]
        default:
            return nil
        }
    }
}
